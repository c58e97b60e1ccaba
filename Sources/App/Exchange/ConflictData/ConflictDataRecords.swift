import ExchangeCore
import Fluent
import Foundation

/// One import of open data for conflict screening: who brought which file, and how much it held.
final class DataImport: Model, @unchecked Sendable {
    static let schema = "data_imports"

    enum Kind: String, Codable, CaseIterable, Sendable { case ocds, bods }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Kind
    @Field(key: "file_name") var fileName: String
    /// Processes (OCDS) or statements (BODS) read.
    @Field(key: "items") var items: Int
    /// Rows stored: parties, or nodes and links.
    @Field(key: "rows") var rows: Int
    /// Nil when run from the command line.
    @OptionalField(key: "imported_by") var importedBy: UUID?
    /// SHA-256 of the file as sent, lower-case hex; nil for imports made before it was kept.
    @OptionalField(key: "digest") var digest: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID, kind: Kind, fileName: String, items: Int, rows: Int, importedBy: UUID?, now: Date) {
        self.id = id
        self.kind = kind
        self.fileName = fileName
        self.items = items
        self.rows = rows
        self.importedBy = importedBy
        self.createdAt = now
    }
}

/// Identifiers kept as `,A,B,` so a LIKE on `,A,` finds one exactly, on both database engines.
enum IdentifierList {
    static func text(_ identifiers: [String]) -> String {
        identifiers.isEmpty ? "" : "," + identifiers.joined(separator: ",") + ","
    }

    static func items(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }

    static func pattern(_ identifier: String) -> String { ",\(identifier)," }
}

/// An organisation's role in an imported contracting process.
final class ProcurementPartyRecord: Model, @unchecked Sendable {
    static let schema = "procurement_parties"

    @ID(key: .id) var id: UUID?
    @Parent(key: "import_id") var dataImport: DataImport
    @Field(key: "ocid") var ocid: String
    @Field(key: "role") var role: ProcurementParty.Role
    @Field(key: "name") var name: String
    @Field(key: "normalised_name") var normalisedName: String
    @Field(key: "identifiers") var identifiersText: String

    init() {}

    init(_ party: ProcurementParty, importID: UUID) {
        id = UUID()
        $dataImport.id = importID
        ocid = party.ocid
        role = party.role
        name = party.name
        normalisedName = party.key.name
        identifiersText = IdentifierList.text(party.identifiers)
    }

    var party: ProcurementParty {
        ProcurementParty(ocid: ocid, role: role, name: name, identifiers: IdentifierList.items(identifiersText))
    }
}

/// A company or person in imported BODS data.
final class OwnershipNodeRecord: Model, @unchecked Sendable {
    static let schema = "ownership_nodes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "import_id") var dataImport: DataImport
    @Field(key: "node_key") var nodeKey: String
    @Field(key: "kind") var kind: OwnershipNode.Kind
    @Field(key: "name") var name: String
    @Field(key: "normalised_name") var normalisedName: String
    @Field(key: "identifiers") var identifiersText: String

    init() {}

    init(_ node: OwnershipNode, importID: UUID) {
        id = UUID()
        $dataImport.id = importID
        nodeKey = node.id
        kind = node.kind
        name = node.name
        normalisedName = node.kind == .entity ? node.key.name : ""
        identifiersText = IdentifierList.text(node.identifiers)
    }

    var node: OwnershipNode {
        OwnershipNode(id: nodeKey, kind: kind, name: name, identifiers: IdentifierList.items(identifiersText))
    }
}

/// An ownership-or-control relationship from imported BODS data.
final class OwnershipLinkRecord: Model, @unchecked Sendable {
    static let schema = "ownership_links"

    @ID(key: .id) var id: UUID?
    @Parent(key: "import_id") var dataImport: DataImport
    @Field(key: "statement_id") var statementID: String
    @Field(key: "subject_key") var subjectKey: String
    @Field(key: "interested_key") var interestedKey: String

    init() {}

    init(_ link: OwnershipLink, importID: UUID) {
        id = UUID()
        $dataImport.id = importID
        statementID = link.id
        subjectKey = link.subject
        interestedKey = link.interestedParty
    }

    var link: OwnershipLink { OwnershipLink(id: statementID, subject: subjectKey, interestedParty: interestedKey) }
}
