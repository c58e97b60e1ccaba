import Foundation
import FastJSON
@testable import BeneficialOwnership

/// The BODS 0.4 schema the app ships, and statements written the way publishers write them.
enum Fixtures {
    static let schemaFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/App/Resources/BODS/0.4")

    static let schema: JSONSchemaSet = {
        let files = (try? FileManager.default.contentsOfDirectory(at: schemaFolder, includingPropertiesForKeys: nil)) ?? []
        return JSONSchemaSet(documents: files.compactMap { try? JSONParser.parse(Data(contentsOf: $0)) })
    }()

    /// Read as of a fixed day, with nothing held before.
    static let today = BODSNormativeRules.Context(today: "2026-12-07")

    static func read(_ text: String, context: BODSNormativeRules.Context = today) -> BODSFile {
        BODSReader.read(Array(text.utf8), schema: schema, context: context)
    }

    static func statementID(_ seed: String) -> String {
        let hex = seed.utf8.map { String(format: "%02x", $0) }.joined()
        return String((hex + String(repeating: "0", count: 32)).prefix(32))
    }

    static func entity(_ record: String, name: String, identifiers: String = "[]", type: String = "registeredEntity", extra: String = "") -> String {
        """
        {"statementId":"\(statementID("e" + record))","statementDate":"2024-01-15","recordId":"\(record)","recordType":"entity",\
        "recordStatus":"new","declarationSubject":"\(record)","recordDetails":{"isComponent":false,"entityType":{"type":"\(type)"},\
        "name":"\(name)","identifiers":\(identifiers)\(extra)}}
        """
    }

    static func person(_ record: String, name: String, type: String = "knownPerson", extra: String = "") -> String {
        """
        {"statementId":"\(statementID("p" + record))","statementDate":"2024-01-15","recordId":"\(record)","recordType":"person",\
        "recordStatus":"new","declarationSubject":"\(record)","recordDetails":{"isComponent":false,"personType":"\(type)",\
        "names":[{"type":"legal","fullName":"\(name)"}]\(extra)}}
        """
    }

    /// `share` is BODS's share object, e.g. `{"exact":50}`; nil leaves it out.
    static func relationship(_ id: String, subject: String, owner: String, type: String = "shareholding", share: String? = nil) -> String {
        let interest = "{\"type\":\"\(type)\"" + (share.map { ",\"share\":\($0)" } ?? "") + "}"
        let party = owner.hasPrefix("{") ? owner : "\"\(owner)\""
        return """
        {"statementId":"\(statementID("r" + id))","statementDate":"2024-01-15","recordId":"\(id)","recordType":"relationship",\
        "recordStatus":"new","declarationSubject":"\(subject)","recordDetails":{"isComponent":false,"subject":"\(subject)",\
        "interestedParty":\(party),"interests":[\(interest)]}}
        """
    }
}
