import Vapor

/// CSV downloads: cells safe to open in a spreadsheet, CRLF lines, an attachment name.
enum CSVExport {
    static func cell(_ text: String) -> String {
        // A leading =, +, - or @ would run as a formula in a spreadsheet.
        let safe = ["=", "+", "-", "@"].contains(where: text.hasPrefix) && Double(text) == nil ? "'" + text : text
        return safe.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }

    static func row(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") }

    static func response(_ lines: [String], name: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: lines.joined(separator: "\r\n") + "\r\n"))
    }
}
