/// Comma- or tab-separated text with RFC 4180 quoting: quoted fields may hold separators, doubled quotes and
/// line breaks. Each record keeps the line it starts on, for error messages.
public struct DelimitedText: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let records: [Record]

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case unterminatedQuote(line: Int)

        public var description: String {
            switch self {
            case .empty: "the file has no header line"
            case .unterminatedQuote(let line): "line \(line): a quoted field is never closed"
            }
        }
    }

    /// Tabs in the header line mean TSV; otherwise commas.
    public static func parse(_ text: String) throws(Problem) -> DelimitedText {
        let firstLine = text.prefix { !$0.isNewline }
        let separator: Character = firstLine.contains("\t") ? "\t" : ","
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func finishRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingWhitespace().isEmpty) {
                records.append(Record(line: recordLine, fields: fields.map { $0.trimmingWhitespace() }))
            }
            fields = []
            field = ""
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
            } else if character == "\"" && field.trimmingWhitespace().isEmpty {
                field = ""
                quoted = true
            } else if character == separator {
                fields.append(field)
                field = ""
            } else if character.isNewline {
                finishRecord()
                line += 1
                recordLine = line
            } else {
                field.append(character)
            }
        }
        if quoted { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { finishRecord() }
        guard let header = records.first else { throw .empty }
        return DelimitedText(header: header.fields, records: Array(records.dropFirst()))
    }
}
