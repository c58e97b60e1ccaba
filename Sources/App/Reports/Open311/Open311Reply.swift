import Foundation
import SecureReporting
import Vapor

/// GeoReport's two formats: the address ends in `.json` or `.xml`, and the answer follows it, errors included.
enum Open311Format: Sendable {
    case json
    case xml

    init(path: String) { self = path.hasSuffix(".xml") ? .xml : .json }

    /// The part of a path parameter before its format: `bribery.json` is `bribery`; nil without a known format.
    static func stripped(_ parameter: String) -> String? {
        for suffix in [".json", ".xml"] where parameter.hasSuffix(suffix) { return String(parameter.dropLast(suffix.count)) }
        return nil
    }

    /// `value` in this format; `xml` writes the same value as GeoReport's XML.
    func response(_ value: some Encodable, xml: String, status: HTTPResponseStatus = .ok) throws -> Response {
        let response = Response(status: status)
        switch self {
        case .json:
            response.headers.contentType = .json
            response.body = .init(data: try JSONEncoder().encode(value))
        case .xml:
            response.headers.contentType = HTTPMediaType(type: "text", subType: "xml", parameters: ["charset": "utf-8"])
            response.body = .init(string: xml)
        }
        return response
    }

    /// An error as GeoReport lists them: the status as its code, and the message (with each field's reason) as its
    /// description, in the reader's language.
    func error(status: HTTPResponseStatus, message: String, fields: [(field: String, reason: String)]) throws -> Response {
        let description = ([message] + fields.map { "\($0.field): \($0.reason)" }).joined(separator: " ")
        let errors = [GeoReport.Error(code: Int(status.code), description: description)]
        return try response(errors, xml: GeoReport.xml(errors), status: status)
    }
}
