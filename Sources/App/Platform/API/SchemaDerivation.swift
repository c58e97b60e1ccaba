import Foundation

/// A type whose JSON is not what its properties suggest (hand-written coding) describes its own schema and gives a
/// sample value for derivation to carry on with.
protocol SchemaDescribing {
    static var jsonSchema: OpenAPIValue { get }
    static var schemaSample: Self { get }
}

/// JSON Schema read from a `Decodable` type itself: its `init(from:)` asks for each property by name and type, and
/// this decoder records what it is asked instead of reading data. The published API description is therefore built
/// from the very types that decode requests and encode responses, and cannot drift from them.
struct SchemaDerivation {
    enum Failure: Error, CustomStringConvertible {
        case unsupported(String, path: [String])

        var description: String {
            switch self {
            case .unsupported(let what, let path): "cannot derive a schema for \(what) at \(path.joined(separator: "."))"
            }
        }
    }

    /// The schema of `type`, with the value that derivation built along the way.
    static func describe<T: Decodable>(_ type: T.Type, path: [String] = []) throws -> (schema: OpenAPIValue, sample: T) {
        if let described = T.self as? any SchemaDescribing.Type {
            return (described.jsonSchema, sampleOf(described) as! T)
        }
        if let scalar = Scalar.of(T.self) { return (scalar.schema, scalar.sample as! T) }
        if let optional = T.self as? any SchemaOptional.Type {
            // Reached only inside lists and maps, such as `[Int?]`: properties go through `decodeIfPresent`.
            return (nullable(try optional.wrappedSchema(path: path)), optional.noneSample as! T)
        }
        if let list = T.self as? any SchemaList.Type {
            return (["type": "array", "items": try list.elementSchema(path: path)], list.emptySample as! T)
        }
        if let map = T.self as? any SchemaStringMap.Type {
            return (["type": "object", "additionalProperties": try map.valueSchema(path: path)], map.emptySample as! T)
        }
        if let enumeration = T.self as? any (CaseIterable & RawRepresentable).Type, let found = cases(of: enumeration) {
            return (found.schema, found.sample as! T)
        }
        let decoder = RecordingDecoder(path: path)
        let sample: T
        do {
            sample = try T(from: decoder)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.unsupported("\(T.self) (\(error))", path: path)
        }
        guard let schema = decoder.schema else { throw Failure.unsupported("\(T.self)", path: path) }
        return (schema, sample)
    }

    static func nullable(_ schema: OpenAPIValue) -> OpenAPIValue {
        if case .string(let type) = schema["type"], schema["enum"] == nil, case .object(var fields) = schema {
            fields[fields.firstIndex { $0.0 == "type" }!].1 = [.string(type), "null"]
            return .object(fields)
        }
        return ["anyOf": [schema, ["type": "null"]]]
    }

    private static func sampleOf<D: SchemaDescribing>(_ type: D.Type) -> Any { type.schemaSample }

    private static func cases<E: CaseIterable & RawRepresentable>(of type: E.Type) -> (schema: OpenAPIValue, sample: E)? {
        guard let first = type.allCases.first else { return nil }
        if let names = type.allCases.map({ $0.rawValue as? String }) as? [String] {
            return (["type": "string", "enum": .array(names.map(OpenAPIValue.string))], first)
        }
        if let numbers = type.allCases.map({ $0.rawValue as? Int }) as? [Int] {
            return (["type": "integer", "enum": .array(numbers.map(OpenAPIValue.int))], first)
        }
        return nil
    }
}

/// Values JSON writes as one scalar.
private struct Scalar {
    let schema: OpenAPIValue
    let sample: Any

    static func of(_ type: Any.Type) -> Scalar? {
        switch type {
        case is String.Type: Scalar(schema: ["type": "string"], sample: "")
        case is Bool.Type: Scalar(schema: ["type": "boolean"], sample: false)
        case is Int.Type, is Int64.Type: Scalar(schema: .int64, sample: type == Int.self ? 0 as Any : Int64(0))
        case is UInt64.Type: Scalar(schema: ["type": "integer", "format": "int64", "minimum": 0], sample: UInt64(0))
        case is Int32.Type: Scalar(schema: ["type": "integer", "format": "int32"], sample: Int32(0))
        case is UInt8.Type: Scalar(schema: ["type": "integer", "minimum": 0, "maximum": 255], sample: UInt8(0))
        case is Int8.Type: Scalar(schema: ["type": "integer"], sample: Int8(0))
        case is Int16.Type: Scalar(schema: ["type": "integer"], sample: Int16(0))
        case is UInt.Type: Scalar(schema: ["type": "integer", "minimum": 0], sample: UInt(0))
        case is UInt16.Type: Scalar(schema: ["type": "integer", "minimum": 0], sample: UInt16(0))
        case is UInt32.Type: Scalar(schema: ["type": "integer", "minimum": 0], sample: UInt32(0))
        case is Double.Type: Scalar(schema: ["type": "number"], sample: 0.0)
        case is Float.Type: Scalar(schema: ["type": "number"], sample: Float(0))
        case is Date.Type: Scalar(schema: ["type": "string", "format": "date-time"], sample: Date(timeIntervalSince1970: 0))
        case is UUID.Type: Scalar(schema: .uuid, sample: UUID(uuid: UUID_NULL))
        case is URL.Type: Scalar(schema: ["type": "string", "format": "uri"], sample: URL(string: "https://example.org")!)
        case is Data.Type: Scalar(schema: ["type": "string", "contentEncoding": "base64"], sample: Data())
        default: nil
        }
    }
}

private let UUID_NULL: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

/// Arrays and sets: their items' schema, and an empty sample.
/// A value that may be null, as an element of a list or a map.
protocol SchemaOptional {
    static func wrappedSchema(path: [String]) throws -> OpenAPIValue
    static var noneSample: Any { get }
}

extension Optional: SchemaOptional where Wrapped: Decodable {
    static func wrappedSchema(path: [String]) throws -> OpenAPIValue { try SchemaDerivation.describe(Wrapped.self, path: path).schema }
    static var noneSample: Any { Wrapped?.none as Any }
}

protocol SchemaList {
    static func elementSchema(path: [String]) throws -> OpenAPIValue
    static var emptySample: Any { get }
}

extension Array: SchemaList where Element: Decodable {
    static func elementSchema(path: [String]) throws -> OpenAPIValue { try SchemaDerivation.describe(Element.self, path: path + ["[]"]).schema }
    static var emptySample: Any { [Element]() }
}

extension Set: SchemaList where Element: Decodable {
    static func elementSchema(path: [String]) throws -> OpenAPIValue { try SchemaDerivation.describe(Element.self, path: path + ["[]"]).schema }
    static var emptySample: Any { Set<Element>() }
}

/// Dictionaries keyed by text: their values' schema, and an empty sample.
protocol SchemaStringMap {
    static func valueSchema(path: [String]) throws -> OpenAPIValue
    static var emptySample: Any { get }
}

extension Dictionary: SchemaStringMap where Key == String, Value: Decodable {
    static func valueSchema(path: [String]) throws -> OpenAPIValue { try SchemaDerivation.describe(Value.self, path: path + ["{}"]).schema }
    static var emptySample: Any { [String: Value]() }
}

/// Answers a type's `init(from:)` with samples, writing down what it asked for.
private final class RecordingDecoder: Decoder {
    let path: [String]
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var schema: OpenAPIValue?
    var properties: [(String, OpenAPIValue)] = []
    var required: [String] = []

    init(path: [String]) { self.path = path }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw SchemaDerivation.Failure.unsupported("a hand-coded list", path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

    func finishObject() {
        schema = ["type": "object", "required": .array(required.map(OpenAPIValue.string)), "properties": .object(properties)]
    }

    func property<T: Decodable>(_ type: T.Type, _ key: String, required isRequired: Bool) throws -> T {
        let (schema, sample) = try SchemaDerivation.describe(type, path: path + [key])
        properties.removeAll { $0.0 == key }
        // An optional property is read with decodeIfPresent, which takes null as absent.
        properties.append((key, isRequired ? schema : SchemaDerivation.nullable(schema)))
        if isRequired, !required.contains(key) { required.append(key) }
        finishObject()
        return sample
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: RecordingDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        init(decoder: RecordingDecoder) {
            self.decoder = decoder
            decoder.finishObject()
        }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try decoder.property(type, key.stringValue, required: true)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            _ = try decoder.property(type, key.stringValue, required: false)
            return nil
        }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.property(type, key.stringValue, required: true) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.property(type, key.stringValue, required: true) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(type, key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }

        private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
            _ = try decoder.property(type, key.stringValue, required: false)
            return nil
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw SchemaDerivation.Failure.unsupported("a hand-coded nested object", path: decoder.path + [key.stringValue])
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw SchemaDerivation.Failure.unsupported("a hand-coded nested list", path: decoder.path + [key.stringValue])
        }
        func superDecoder() throws -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
    }

    /// A value written as one scalar by hand-written coding (`singleValueContainer().decode(String.self)`).
    private struct Single: SingleValueDecodingContainer {
        let decoder: RecordingDecoder
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
        func decode(_ type: String.Type) throws -> String { try scalar(type) }
        func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
        func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
        func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try scalar(type) }

        private func scalar<T: Decodable>(_ type: T.Type) throws -> T {
            let (schema, sample) = try SchemaDerivation.describe(type, path: decoder.path)
            decoder.schema = schema
            return sample
        }
    }
}
