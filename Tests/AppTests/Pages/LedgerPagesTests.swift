@testable import App
import AuditLog
import Foundation
import ProcurementLedger
import XCTest

/// The ledger's pages, built from plain values without the app: an empty log, and a procurement through its stages.
final class LedgerPagesTests: XCTestCase {
    let text = PageFixtures.text
    static let buyer = UUID(uuidString: "00000000-0000-4000-8000-0000000000b1")!
    static let supplier = UUID(uuidString: "00000000-0000-4000-8000-0000000000c1")!
    static let names = [buyer: "Agence française anticorruption", supplier: "Acme Analytics Ltd"]

    static func record(_ index: Int64, _ event: String, by organisation: UUID, at ms: Int64) -> LedgerEntryRecord {
        let entry = LedgerEntry(loggedMs: ms, organisation: organisation.lowercased, keyID: "0011223344556677",
                                signature: [1], event: Array(event.utf8))
        let record = LedgerEntryRecord()
        record.id = index
        record.procurement = "ocds-ie0001-T1"
        record.kind = "x"
        record.$organisation.id = organisation
        record.keyID = entry.keyID
        record.loggedMs = ms
        record.leafHash = TreeHash.leaf(entry.bytes).hex
        record.body = Data(entry.bytes)
        return record
    }

    static func procurement(awarded: Bool) throws -> LedgerProcurement {
        let b = buyer.lowercased, s = supplier.lowercased
        var records = [
            record(0, #"{"type":"tender","procurement":"ocds-ie0001-T1","buyer":"\#(b)","title":"Serveurs","deadline":"2026-12-10T12:00:00Z","incentive":{"kind":"outcome","points":5},"value":{"amount":"100000","currency":"EUR"}}"#, by: buyer, at: 1_765_000_000_000),
            record(1, #"{"type":"bid","procurement":"ocds-ie0001-T1","supplier":"\#(s)","commitment":"\#(String(repeating: "ab", count: 32))"}"#, by: supplier, at: 1_765_000_100_000),
        ]
        if awarded {
            records.append(record(2, #"{"type":"reveal","procurement":"ocds-ie0001-T1","supplier":"\#(s)","offer":{"amount":"1250.50","currency":"EUR"},"nonce":"\#(LedgerParty.nonce)"}"#, by: supplier, at: 1_765_400_000_000))
            records.append(record(3, #"{"type":"award","procurement":"ocds-ie0001-T1","supplier":"\#(s)","value":{"amount":"1250.50","currency":"EUR"}}"#, by: buyer, at: 1_765_400_100_000))
        }
        return try XCTUnwrap(LedgerProcurement(records))
    }

    func testAnEmptyLedgerSaysSo() {
        let page = LedgerIndexPage(checkpoint: nil, witnesses: [], procurements: [], names: [:], text: text(.en))
        XCTAssertNil(page.checkpoint)
        XCTAssertEqual(page.rows, [])
    }

    func testTheIndexShowsTheCheckpointAndEachProcurementsStage() throws {
        let checkpoint = TlogCheckpoint(origin: "example.org/ledger", treeSize: 300, rootHash: .leaf([1]))
        let page = LedgerIndexPage(checkpoint: checkpoint, witnesses: ["witness.example/w1"], procurements: [try Self.procurement(awarded: false)],
                                   names: Self.names, text: text(.fr))
        XCTAssertEqual(page.checkpoint?.size, "300")
        XCTAssertEqual(page.checkpoint?.latestTileHref, "/ledger/tile/0/001.p/44")
        XCTAssertEqual(page.checkpoint?.witnesses, "witness.example/w1")
        XCTAssertEqual(page.rows.first?.buyer, "Agence française anticorruption")
        XCTAssertEqual(page.rows.first?.incentive, "Récompensée dans l'évaluation : 5 points")
        XCTAssertEqual(page.rows.first?.stage, "Ouverte aux offres ; offres scellées : 1")
        XCTAssertEqual(page.rows.first?.href, "/ledger/procurements/ocds-ie0001-T1")
    }

    func testAProcurementPageShowsSealedBidsWithoutAmountsAndOpenedOnesWithThem() throws {
        let page = LedgerProcurementPage(try Self.procurement(awarded: true), names: Self.names, text: text(.es))
        XCTAssertEqual(page.rows.map(\.kind), ["Licitación publicada", "Oferta sellada", "Oferta abierta", "Adjudicación"])
        XCTAssertEqual(page.rows[1].detail, nil, "a sealed bid shows no amount")
        XCTAssertEqual(page.rows[2].detail, "1250,50\u{00A0}€")
        XCTAssertEqual(page.rows.map(\.organisation), ["Agence française anticorruption", "Acme Analytics Ltd", "Acme Analytics Ltd", "Agence française anticorruption"])
        XCTAssertEqual(page.rows[3].entryHref, "/api/v1/ledger/entries/3")
        XCTAssertEqual(page.stage, "Adjudicada")
        XCTAssertEqual(page.value, "100.000,00\u{00A0}€")
    }
}
