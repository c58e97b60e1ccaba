import ExchangeCore
import Foundation

/// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): the values its four calls exchange, under the standard's
/// field names, so that existing civic-reporting clients can send complaints. Complaint subjects are its services.
public enum GeoReport {
    public struct Service: Codable, Equatable, Sendable {
        public let serviceCode: String
        public let serviceName: String
        public let description: String
        /// Always true: every subject has a questionnaire, read with the service definition call.
        public let metadata: Bool
        /// "realtime": the request id is known at once.
        public let type: String
        public let keywords: String
        public let group: String

        public init(code: String, name: String, description: String, group: String) {
            (serviceCode, serviceName, self.description, metadata, type, keywords, self.group) = (code, name, description, true, "realtime", "", group)
        }

        enum CodingKeys: String, CodingKey {
            case serviceCode = "service_code", serviceName = "service_name", description, metadata, type, keywords, group
        }
    }

    public struct Value: Codable, Equatable, Sendable {
        public let key: String
        public let name: String
    }

    public struct Attribute: Codable, Equatable, Sendable {
        public let variable: Bool
        public let code: String
        /// string, number, datetime, text, singlevaluelist or multivaluelist.
        public let datatype: String
        public let required: Bool
        public let datatypeDescription: String
        public let order: Int
        public let description: String
        public let values: [Value]?

        enum CodingKeys: String, CodingKey {
            case variable, code, datatype, required, datatypeDescription = "datatype_description", order, description, values
        }
    }

    public struct ServiceDefinition: Codable, Equatable, Sendable {
        public let serviceCode: String
        public let attributes: [Attribute]

        enum CodingKeys: String, CodingKey { case serviceCode = "service_code", attributes }
    }

    /// A service request as `GET requests` shows it: its status and dates, never its content.
    public struct Request: Codable, Equatable, Sendable {
        public let serviceRequestID: String
        /// "open" or "closed".
        public let status: String
        public let statusNotes: String
        public let serviceName: String
        public let serviceCode: String
        public let agencyResponsible: String?
        public let requestedDatetime: String
        public let updatedDatetime: String

        public init(id: String, closed: Bool, statusNotes: String, serviceName: String, serviceCode: String, agency: String?, requested: Date,
                    updated: Date) {
            (serviceRequestID, status, self.statusNotes, self.serviceName, self.serviceCode) = (id, closed ? "closed" : "open", statusNotes, serviceName, serviceCode)
            (agencyResponsible, requestedDatetime, updatedDatetime) = (agency, GeoReport.datetime(requested), GeoReport.datetime(updated))
        }

        enum CodingKeys: String, CodingKey {
            case serviceRequestID = "service_request_id", status, statusNotes = "status_notes", serviceName = "service_name"
            case serviceCode = "service_code", agencyResponsible = "agency_responsible", requestedDatetime = "requested_datetime"
            case updatedDatetime = "updated_datetime"
        }
    }

    /// What `POST requests` answers: the request's id and, in the notice, the receipt to follow it.
    public struct Created: Codable, Equatable, Sendable {
        public let serviceRequestID: String
        public let serviceNotice: String
        public let accountID: String?

        public init(id: String, notice: String) { (serviceRequestID, serviceNotice, accountID) = (id, notice, nil) }

        enum CodingKeys: String, CodingKey { case serviceRequestID = "service_request_id", serviceNotice = "service_notice", accountID = "account_id" }
    }

    public struct Error: Codable, Equatable, Sendable {
        public let code: Int
        public let description: String

        public init(code: Int, description: String) { (self.code, self.description) = (code, description) }
    }

    /// The W3C profile of ISO 8601 the standard asks for, in UTC.
    public static func datetime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
