import BeneficialOwnership
import Fluent
import Foundation
import Vapor

/// The registry's demo: a small BODS 0.4 file about fictional companies, imported through the registry's own
/// service. It holds a two-step chain with a share range (Marta Ejemplo, a politically exposed person, behind the
/// supplier through its holding company), control without shares (a board appointment), a cross-holding cycle, and
/// a company whose owner is not disclosed, with the reason.
struct DemoOwnership {
    let app: Application
    let analyst: User

    static let supplier = "ix-demo-proveedora"
    static let holding = "ix-demo-holding"
    static let cycleA = "ix-demo-inversiones"
    static let cycleB = "ix-demo-capital"
    static let undisclosed = "ix-demo-servicios"
    static let marta = "ix-demo-marta"
    static let jorge = "ix-demo-jorge"
    static let lucia = "ix-demo-lucia"

    /// How many records it made; none when the registry holds statements already.
    func seed() async throws -> Int {
        guard try await OwnershipStatement.query(on: app.db).count() == 0 else { return 0 }
        let outcome = try await app.registry.ownershipImports.importStatements(
            Array(Self.file.utf8), fileName: "demo-registry.jsonl", digest: "demo", actor: .user(try analyst.requireID()),
            userID: try analyst.requireID())
        return outcome.dataImport == nil ? 0 : 1
    }

    /// One statement per line.
    static var file: String {
        [
            entity(supplier, "Proveedora Ficticia SL", founded: "2023-11-02", lei: "5493001KJTIIGC8Y1R"),
            entity(holding, "Holding Ejemplo SA (ficticia)", founded: "2015-03-10"),
            entity(cycleA, "Inversiones Circulares SA (ficticia)", founded: "2012-06-01"),
            entity(cycleB, "Capital Circular SL (ficticia)", founded: "2012-06-01"),
            entity(undisclosed, "Servicios Discretos SA (ficticia)", founded: "2019-01-15"),
            person(marta, "Marta Ejemplo", pep: true),
            person(jorge, "Jorge Muestra", pep: false),
            person(lucia, "Lucía Consejera", pep: false),
            relationship("ix-demo-r1", subject: supplier, party: "\"\(holding)\"", interest: share("exact", 60, beneficial: false)),
            relationship("ix-demo-r2", subject: holding, party: "\"\(marta)\"", interest: #"{"type":"shareholding","share":{"minimum":50,"maximum":75},"beneficialOwnershipOrControl":true}"#),
            relationship("ix-demo-r3", subject: supplier, party: "\"\(jorge)\"", interest: share("exact", 40)),
            relationship("ix-demo-r4", subject: supplier, party: "\"\(lucia)\"", interest: #"{"type":"appointmentOfBoard","beneficialOwnershipOrControl":true}"#),
            relationship("ix-demo-r5", subject: cycleA, party: "\"\(cycleB)\"", interest: share("exact", 50, beneficial: false)),
            relationship("ix-demo-r6", subject: cycleB, party: "\"\(cycleA)\"", interest: share("exact", 50, beneficial: false)),
            relationship("ix-demo-r7", subject: cycleA, party: "\"\(jorge)\"", interest: share("exact", 50)),
            relationship("ix-demo-r8", subject: cycleB, party: "\"\(marta)\"", interest: share("exact", 50)),
            relationship("ix-demo-r9", subject: undisclosed,
                         party: #"{"reason":"interestedPartyExemptFromDisclosure","description":"Owner's identity withheld under a court order (fictional)"}"#,
                         interest: share("exact", 100)),
        ].joined(separator: "\n") + "\n"
    }

    private static func statementID(_ record: String) -> String {
        String((record + "-statement-" + String(repeating: "0", count: 32)).prefix(40))
    }

    private static func header(_ record: String, type: String) -> String {
        #""statementId":"\#(statementID(record))","statementDate":"2026-01-15","recordId":"\#(record)","recordType":"\#(type)","recordStatus":"new","declarationSubject":"\#(record)","publicationDetails":{"publicationDate":"2026-01-15","bodsVersion":"0.4","publisher":{"name":"Integrity Exchange demo"}}"#
    }

    private static func entity(_ record: String, _ name: String, founded: String, lei: String? = nil) -> String {
        let identifiers = lei.map { #"[{"scheme":"XI-LEI","id":"\#($0)\#(LegalEntityIdentifier.checkDigits(for: $0) ?? "")"}]"# } ?? "[]"
        return #"{\#(header(record, type: "entity")),"recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"\#(name)","foundingDate":"\#(founded)","jurisdiction":{"name":"Spain","code":"ES"},"identifiers":\#(identifiers)}}"#
    }

    private static func person(_ record: String, _ name: String, pep: Bool) -> String {
        let exposure = pep ? #","politicalExposure":{"status":"isPep","details":[{"reason":"Deputy mayor (fictional)","jurisdiction":{"name":"Spain","code":"ES"}}]}"# : ""
        return #"{\#(header(record, type: "person")),"recordDetails":{"isComponent":false,"personType":"knownPerson","names":[{"type":"legal","fullName":"\#(name)"}],"birthDate":"1975-04-12","addresses":[{"type":"residence","address":"Calle Ficticia 1, Madrid","country":{"name":"Spain","code":"ES"}}]\#(exposure)}}"#
    }

    private static func relationship(_ record: String, subject: String, party: String, interest: String) -> String {
        #"{\#(header(record, type: "relationship").replacingOccurrences(of: #""declarationSubject":"\#(record)""#, with: #""declarationSubject":"\#(subject)""#)),"recordDetails":{"isComponent":false,"subject":"\#(subject)","interestedParty":\#(party),"interests":[\#(interest)]}}"#
    }

    /// BODS marks only a person's interest as beneficial ownership; a company's holding is not.
    private static func share(_ kind: String, _ percent: Int, beneficial: Bool = true) -> String {
        #"{"type":"shareholding","share":{"\#(kind)":\#(percent)},"beneficialOwnershipOrControl":\#(beneficial)}"#
    }
}
