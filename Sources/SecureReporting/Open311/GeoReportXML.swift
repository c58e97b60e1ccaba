/// GeoReport's XML format, which the standard requires beside JSON: the same values under the same names.
extension GeoReport {
    public static func xml(_ services: [Service]) -> String {
        document("services", services.map { service in
            .node("service", [.text("service_code", service.serviceCode), .text("service_name", service.serviceName),
                              .text("description", service.description), .text("metadata", String(service.metadata)),
                              .text("type", service.type), .text("keywords", service.keywords), .text("group", service.group)])
        })
    }

    public static func xml(_ definition: ServiceDefinition) -> String {
        document("service_definition", [.text("service_code", definition.serviceCode), .node("attributes", definition.attributes.map { attribute in
            .node("attribute", [.text("variable", String(attribute.variable)), .text("code", attribute.code), .text("datatype", attribute.datatype),
                                .text("required", String(attribute.required)), .text("datatype_description", attribute.datatypeDescription),
                                .text("order", String(attribute.order)), .text("description", attribute.description)]
                + (attribute.values.map { [.node("values", $0.map { .node("value", [.text("key", $0.key), .text("name", $0.name)]) })] } ?? []))
        })])
    }

    public static func xml(_ requests: [Request]) -> String {
        document("service_requests", requests.map { request in
            .node("request", [.text("service_request_id", request.serviceRequestID), .text("status", request.status),
                              .text("status_notes", request.statusNotes), .text("service_name", request.serviceName),
                              .text("service_code", request.serviceCode)]
                + (request.agencyResponsible.map { [.text("agency_responsible", $0)] } ?? [])
                + [.text("requested_datetime", request.requestedDatetime), .text("updated_datetime", request.updatedDatetime)])
        })
    }

    public static func xml(_ created: Created) -> String {
        document("service_requests", [.node("request", [.text("service_request_id", created.serviceRequestID),
                                                        .text("service_notice", created.serviceNotice), .text("account_id", created.accountID ?? "")])])
    }

    public static func xml(_ errors: [Error]) -> String {
        document("errors", errors.map { .node("error", [.text("code", String($0.code)), .text("description", $0.description)]) })
    }

    indirect enum Element {
        case text(String, String)
        case node(String, [Element])

        var rendered: String {
            switch self {
            case .text(let name, let value): "<\(name)>\(GeoReport.escape(value))</\(name)>"
            case .node(let name, let children): "<\(name)>\(children.map(\.rendered).joined())</\(name)>"
            }
        }
    }

    static func document(_ root: String, _ children: [Element]) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + Element.node(root, children).rendered + "\n"
    }

    /// Text as XML character data; characters XML 1.0 cannot carry at all are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
