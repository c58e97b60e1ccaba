import ExchangeCore
import Vapor

/// The public registry's pages and downloads, and the import page for staff and analysts.
enum RegistryRoute: String, Endpoint {
    case search
    case record
    case statements
    case ownersCSV
    case importForm
    case upload

    static let importers = RouteAccess.roles([.coordinator, .administrator, .analyst])

    var spec: EndpointSpec {
        switch self {
        case .search: .get("registry", .open)
        case .record: .get("registry/records/:recordID", .open)
        case .statements: .get("registry/download/statements.json", .open)
        case .ownersCSV: .get("registry/download/owners.csv", .open)
        case .importForm: .get("registry/import", Self.importers)
        case .upload: .post("registry/import", Self.importers, body: .streaming)
        }
    }
}

/// The routes `APIRegistryController` answers.
enum APIRegistryRoute: String, APIEndpoint {
    case search
    case record
    case statements
    case importStatements

    var spec: EndpointSpec {
        switch self {
        case .search: .get("registry/records", .open)
        case .record: .get("registry/records/:recordID", .open)
        case .statements: .get("registry/statements", .open)
        case .importStatements: .post("registry/imports", RegistryRoute.importers, body: .streaming)
        }
    }

    var operation: APIOperation {
        switch self {
        case .search:
            APIOperation("searchRegistry", "Companies and people whose name or identifier contains q, at most 50 (anyone); an empty q finds nothing",
                         query: [.text("q", required: true)], answer: .list(of: RegistryPartyDTO.self))
        case .record:
            APIOperation("getRegistryRecord",
                         "One company or person: its computed ultimate owners (shares as ranges, in percent), the chain they are computed from, and what it holds (anyone)",
                         path: ["recordID": ["type": "string", "minLength": 1]], answer: .json(RegistryRecordDTO.self))
        case .statements:
            APIOperation("exportRegistryStatements",
                         "Every BODS 0.4 statement in the registry as one JSON array, in declaration order, without people's protected details (anyone)",
                         answer: .list(of: BODSStatementDocument.self))
        case .importStatements:
            APIOperation("importRegistryStatements",
                         "Check (dryRun) or import a BODS 0.4 file (JSON array or JSON Lines), or with format=gleif-rr GLEIF relationship records (RR-CDF CSV) as BODS, as the raw body, all or nothing. A 422 lists each bad statement's or row's line, place and rule broken (error.problems, the first 1,000). Statements already held are skipped; 200 when nothing was new",
                         query: [.text("fileName"), .boolean("dryRun"), .oneOf("format", RegistryFileFormat.self)],
                         body: .file(json: nil, mediaTypes: ["application/json", "application/x-ndjson", "text/csv"]),
                         answer: .json(RegistryImportDTO.self), status: .created)
        }
    }
}
