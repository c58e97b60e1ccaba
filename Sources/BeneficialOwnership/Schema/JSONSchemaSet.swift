import FastJSON

/// One place where a JSON value breaks a schema rule.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    /// Where in the value, as a JSON Pointer (RFC 6901), e.g. `/recordDetails/interests/0/share/exact`.
    public let pointer: String
    /// The keyword broken: `required`, `type`, `enum`, `format`, `minLength`…
    public let keyword: String
    /// What the keyword asked for: the missing member, the expected type or format, the allowed values.
    public let expected: String

    public init(pointer: String, keyword: String, expected: String) {
        self.pointer = pointer
        self.keyword = keyword
        self.expected = expected
    }

    public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(keyword) \(expected)" }
}

/// A JSON Schema (draft 2020-12) validator for the keywords the BODS 0.4 schema uses, over documents known by their
/// `$id`. Annotations (`title`, `codelist`, `propertyOrder`…) are ignored; unknown formats pass, as the draft says.
public struct JSONSchemaSet: Sendable {
    private let documents: [String: JSONValue]
    /// Every pattern the schemas name, compiled once.
    private let patterns: [String: CompiledPattern]
    /// Every `$ref`, resolved once, by the document it is written in and its text.
    private let references: [String: (JSONValue, String)]

    /// `documents` are whole schema files; each must carry its `$id`.
    public init(documents: [JSONValue]) {
        var byID: [String: JSONValue] = [:]
        for document in documents {
            if let id = document["$id"]?.string { byID[id] = document }
        }
        self.documents = byID
        var patterns: [String: CompiledPattern] = [:]
        var references: [String: (JSONValue, String)] = [:]
        for (id, document) in byID {
            Self.walk(document) { keyword, argument in
                if keyword == "pattern", let pattern = argument.string { patterns[pattern] = (try? Regex(pattern)).map(CompiledPattern.init) }
                if keyword == "$ref", let reference = argument.string,
                   let target = Self.resolve(reference, base: id, in: byID) { references[id + " " + reference] = target }
            }
        }
        self.patterns = patterns
        self.references = references
    }

    private static func walk(_ value: JSONValue, _ visit: (String, JSONValue) -> Void) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                visit(key, member)
                walk(member, visit)
            }
        case .array(let items):
            for item in items { walk(item, visit) }
        default:
            break
        }
    }

    /// Every violation of the schema that `reference` names (`urn:statement#/$defs/Statement`), in document order.
    public func violations(of value: JSONValue, against reference: String) -> [SchemaViolation] {
        guard let (schema, base) = resolve(reference, base: "") else {
            return [SchemaViolation(pointer: "", keyword: "$ref", expected: reference)]
        }
        var found: [SchemaViolation] = []
        check(value, schema, base: base, pointer: "", into: &found)
        return found
    }

    private func isValid(_ value: JSONValue, _ schema: JSONValue, base: String) -> Bool {
        var found: [SchemaViolation] = []
        check(value, schema, base: base, pointer: "", into: &found)
        return found.isEmpty
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, base: String, pointer: String, into found: inout [SchemaViolation]) {
        if case .bool(let allowed) = schema {
            if !allowed { found.append(SchemaViolation(pointer: pointer, keyword: "false", expected: "nothing")) }
            return
        }
        guard case .object(let keywords) = schema else { return }
        for (keyword, argument) in keywords {
            checkKeyword(keyword, argument, schema: schema, value: value, base: base, pointer: pointer, into: &found)
        }
    }

    // swiftlint:disable:next function_parameter_count cyclomatic_complexity
    private func checkKeyword(_ keyword: String, _ argument: JSONValue, schema: JSONValue, value: JSONValue, base: String,
                              pointer: String, into found: inout [SchemaViolation]) {
        func fail(_ expected: String, at place: String = pointer) {
            found.append(SchemaViolation(pointer: place, keyword: keyword, expected: expected))
        }
        switch keyword {
        case "$ref":
            guard let reference = argument.string, let (target, targetBase) = references[base + " " + reference] ?? resolve(reference, base: base) else {
                return fail(argument.string ?? "")
            }
            check(value, target, base: targetBase, pointer: pointer, into: &found)
        case "type":
            let types = argument.array?.compactMap(\.string) ?? [argument.string].compactMap { $0 }
            if !types.contains(where: { Self.value(value, hasType: $0) }) { fail(types.joined(separator: " or ")) }
        case "enum":
            if !(argument.array ?? []).contains(value) { fail((argument.array ?? []).map(JSONWriter.string).joined(separator: ", ")) }
        case "const":
            if value != argument { fail(JSONWriter.string(argument)) }
        case "properties":
            guard case .object(let members) = value, case .object(let properties) = argument else { return }
            for (name, subschema) in properties {
                if let member = members.last(where: { $0.0 == name })?.1 {
                    check(member, subschema, base: base, pointer: pointer + "/" + Self.escape(name), into: &found)
                }
            }
        case "additionalProperties":
            guard case .object(let members) = value else { return }
            let declared = Set((schema["properties"]?.object ?? []).map(\.0))
            for (name, member) in members where !declared.contains(name) {
                check(member, argument, base: base, pointer: pointer + "/" + Self.escape(name), into: &found)
            }
        case "required":
            guard case .object(let members) = value else { return }
            for name in argument.array?.compactMap(\.string) ?? [] where !members.contains(where: { $0.0 == name }) {
                fail(name)
            }
        case "minProperties":
            if case .object(let members) = value, let least = argument.number, Double(members.count) < least { fail("\(Int(least))") }
        case "items":
            guard case .array(let items) = value else { return }
            for (index, item) in items.enumerated() {
                check(item, argument, base: base, pointer: pointer + "/\(index)", into: &found)
            }
        case "minItems":
            if case .array(let items) = value, let least = argument.number, Double(items.count) < least { fail("\(Int(least))") }
        case "uniqueItems":
            if case .array(let items) = value, argument == .bool(true), Self.hasDuplicates(items) { fail("true") }
        case "minLength", "maxLength":
            guard case .string(let text) = value, let bound = argument.number else { return }
            let length = Double(text.unicodeScalars.count)
            if keyword == "minLength" ? length < bound : length > bound { fail("\(Int(bound))") }
        case "pattern":
            guard case .string(let text) = value, let pattern = argument.string else { return }
            if let compiled = patterns[pattern], !text.contains(compiled.regex) { fail(pattern) }
        case "minimum", "maximum":
            guard case .number(let number) = value, let bound = argument.number else { return }
            if keyword == "minimum" ? number < bound : number > bound { fail(JSONWriter.number(bound)) }
        case "format":
            guard case .string(let text) = value, let format = argument.string else { return }
            if !StringFormat.accepts(text, format: format) { fail(format) }
        case "allOf":
            for subschema in argument.array ?? [] { check(value, subschema, base: base, pointer: pointer, into: &found) }
        case "anyOf":
            if !(argument.array ?? []).contains(where: { isValid(value, $0, base: base) }) { fail("one of \(argument.array?.count ?? 0)") }
        case "oneOf":
            let passing = (argument.array ?? []).filter { isValid(value, $0, base: base) }.count
            if passing != 1 { fail("exactly one of \(argument.array?.count ?? 0)") }
        case "not":
            if isValid(value, argument, base: base) { fail("not") }
        case "if":
            let branch = isValid(value, argument, base: base) ? schema["then"] : schema["else"]
            if let branch { check(value, branch, base: base, pointer: pointer, into: &found) }
        default:
            return
        }
    }

    private func resolve(_ reference: String, base: String) -> (JSONValue, String)? {
        Self.resolve(reference, base: base, in: documents)
    }

    /// `#/$defs/Name` within `base`, `urn:other#/$defs/Name`, or a whole document `urn:other`.
    private static func resolve(_ reference: String, base: String, in documents: [String: JSONValue]) -> (JSONValue, String)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let documentID = parts[0].isEmpty ? base : String(parts[0])
        guard var current = documents[documentID] else { return nil }
        let fragment = parts.count > 1 ? parts[1] : ""
        for token in fragment.split(separator: "/") {
            let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = current[name] ?? (Int(name).flatMap { current.array?.indices.contains($0) == true ? current.array?[$0] : nil }) else {
                return nil
            }
            current = next
        }
        return (current, documentID)
    }

    static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
            true
        case ("integer", .number(let number)):
            number.rounded() == number
        default:
            false
        }
    }

    private static func hasDuplicates(_ items: [JSONValue]) -> Bool {
        for (index, item) in items.enumerated() where items[(index + 1)...].contains(item) { return true }
        return false
    }

    static func escape(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return name }
        return name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// A compiled pattern, shared read-only between tasks. `Regex` is not `Sendable` only because its output type may
/// not be; these are matched for a yes or no, and matching never mutates the compiled program.
private struct CompiledPattern: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>
}
