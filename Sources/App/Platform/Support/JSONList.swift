/// A list stored in a JSON column as `{"items": [...]}`. PostgreSQL's driver writes a bare Swift array as a
/// PostgreSQL array (`text[]`, or `jsonb[]` when empty), never as `jsonb`; an object is always `jsonb`.
struct JSONList<Element: Codable & Sendable>: Codable, Sendable, ExpressibleByArrayLiteral {
    var items: [Element]

    init(_ items: [Element]) { self.items = items }
    init(arrayLiteral elements: Element...) { items = elements }
}

extension JSONList: Equatable where Element: Equatable {}
