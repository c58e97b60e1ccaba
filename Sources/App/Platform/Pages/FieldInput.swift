/// A form field's value and its error, by id, for fields a template builds in a loop.
struct FieldInput: Encodable, Sendable, Equatable {
    let id: String
    let value: String
    let error: String?
    var label: String? = nil
}
