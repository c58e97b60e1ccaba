import BeneficialOwnership
import Fluent
import FastJSON
import Foundation

/// One BODS statement as it arrived. Statements are never changed or removed: a record's later statements stand
/// beside its earlier ones, and the latest by statement date is the record's current state.
final class OwnershipStatement: Model, @unchecked Sendable {
    static let schema = "ownership_statements"

    @ID(key: .id) var id: UUID?
    @Field(key: "statement_id") var statementID: String
    @Field(key: "record_id") var recordID: String
    @Field(key: "record_type") var recordType: BODSStatement.RecordType
    @OptionalField(key: "record_status") var recordStatus: BODSStatement.RecordStatus?
    @Field(key: "statement_date") var statementDate: String
    /// The name shown for an entity or person; empty for a relationship.
    @Field(key: "name") var name: String
    /// Lower-case name and `SCHEME-ID` identifiers, for the registry's search.
    @Field(key: "search_text") var searchText: String
    /// The statement's JSON as received (members in their order).
    @Field(key: "body") var body: String
    @Parent(key: "import_id") var dataImport: OwnershipImport
    /// Its place in its file, so that statements of one date keep the order they were published in.
    @Field(key: "position") var position: Int

    init() {}

    init(_ statement: BODSStatement, importID: UUID, position: Int) {
        id = UUID()
        statementID = statement.statementID
        recordID = statement.recordID
        recordType = statement.recordType
        recordStatus = statement.recordStatus
        statementDate = statement.statementDate
        name = RegistryNames.name(of: statement) ?? ""
        searchText = RegistryNames.searchText(of: statement)
        body = JSONWriter.string(statement.json)
        $dataImport.id = importID
        self.position = position
    }

    /// Nil only if the stored text was altered outside the platform.
    var statement: BODSStatement? {
        (try? JSONParser.parse(Array(body.utf8))).flatMap(BODSStatement.init)
    }
}

/// One file of statements taken into the registry, by whom and when.
final class OwnershipImport: Model, @unchecked Sendable {
    static let schema = "ownership_imports"

    @ID(key: .id) var id: UUID?
    @Field(key: "file_name") var fileName: String
    /// Statements that were new; statements already held are not stored twice.
    @Field(key: "statements") var statements: Int
    @Field(key: "digest") var digest: String
    /// Nil when run from the command line.
    @OptionalField(key: "imported_by") var importedBy: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID, fileName: String, statements: Int, digest: String, importedBy: UUID?, now: Date) {
        self.id = id
        self.fileName = fileName
        self.statements = statements
        self.digest = digest
        self.importedBy = importedBy
        createdAt = now
    }
}

/// How a statement is named and found in the registry.
enum RegistryNames {
    static func name(of statement: BODSStatement) -> String? {
        switch statement.details {
        case .entity(let entity): entity.name
        case .person(let person): person.name
        case .relationship: nil
        }
    }

    static func searchText(of statement: BODSStatement) -> String {
        var words = [name(of: statement) ?? ""]
        if case .entity(let entity) = statement.details { words += entity.identifiers.compactMap(\.key) }
        return words.joined(separator: " ").lowercased()
    }
}
