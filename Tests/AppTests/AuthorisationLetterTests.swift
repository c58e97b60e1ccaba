@testable import App
import ExchangeCore
import Fluent
import XCTVapor
import XCTest

/// The employer's optional letter: the expert attaches it, only they and programme staff read it, bad files change nothing.
final class AuthorisationLetterTests: AppTestCase {
    let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    func testAnExpertAttachesALetterThatOnlyStaffCanAlsoRead() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            let attached = try await expert.upload("/profile/letter", field: "letter", filename: "../Letter from Example Ltd.pdf",
                                                   bytes: pdf, contentType: "application/pdf")
            XCTAssertEqual(attached.status, .seeOther)
            let page = try await expert.get("/profile")
            XCTAssertContains(page.body.string, #"<a href="/profile/letter" download>LetterfromExampleLtd.pdf</a>"#)
            let own = try await expert.get("/profile/letter")
            XCTAssertEqual(own.headers.contentType?.description, "application/pdf")
            XCTAssertEqual(own.headers.first(name: .contentDisposition), #"attachment; filename="LetterfromExampleLtd.pdf""#)
            XCTAssertEqual(Array(own.body.readableBytesView), pdf)

            let profile = try await XCTUnwrapAsync(try await ExpertProfile.query(on: app.db).filter(\.$user.$id != nil).first())
            var coordinator = BrowserSession(app: app)
            try await coordinator.login(Demo.coordinator)
            let review = try await coordinator.get("/experts/\(profile.id!.uuidString)")
            XCTAssertContains(review.body.string, "LetterfromExampleLtd.pdf")
            let staffCopy = try await coordinator.get("/experts/\(profile.id!.uuidString)/letter")
            XCTAssertEqual(staffCopy.status, .ok)
            for role in [Role.analyst, .evaluator, .publicParticipant] {
                var other = BrowserSession(app: app)
                try await other.login(Demo.email(for: role))
                let refused = try await other.get("/experts/\(profile.id!.uuidString)/letter")
                XCTAssertEqual(refused.status, .forbidden, "\(role)")
            }
            var otherExpert = BrowserSession(app: app)
            try await otherExpert.login("experta@demo.integrity.invalid")
            let theirs = try await otherExpert.get("/profile/letter")
            XCTAssertEqual(theirs.status, .notFound, "another expert only ever reaches their own letter")

            let entry = try await XCTUnwrapAsync(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "expert.letter_attach").first())
            XCTAssertTrue(entry.changedFields.contains("sha256"))
            XCTAssertFalse(entry.changedFields.contains("Example") || entry.reason.contains("Example"), "the log keeps the digest, not the name")
            let removed = try await expert.post("/profile/letter/remove")
            XCTAssertEqual(removed.status, .seeOther)
            let gone = try await expert.get("/profile/letter")
            XCTAssertEqual(gone.status, .notFound)
        }
    }

    func testFilesThatAreNotLettersAreRefusedAndTheOldOneStays() async throws {
        try await withTestApp { app in
            var expert = BrowserSession(app: app)
            try await expert.login(Demo.expert)
            try await expert.upload("/profile/letter", field: "letter", filename: "letter.pdf", bytes: pdf, contentType: "application/pdf")
            let script = try await expert.upload("/profile/letter", field: "letter", filename: "letter.pdf",
                                                 bytes: Array("<script>alert(1)</script>".utf8), contentType: "application/pdf")
            XCTAssertEqual(script.status, .unprocessableEntity)
            XCTAssertContains(script.body.string, "This kind of file is not accepted. Nothing was changed.")
            let big = try await expert.upload("/profile/letter", field: "letter", filename: "big.pdf",
                                              bytes: pdf + [UInt8](repeating: 0x20, count: LetterFormat.maximumBytes), contentType: "application/pdf")
            XCTAssertEqual(big.status, .unprocessableEntity)
            XCTAssertContains(big.body.string, "This file is larger than allowed.")
            let kept = try await expert.get("/profile/letter")
            XCTAssertEqual(Array(kept.body.readableBytesView), pdf)
            let letters = try await AuthorisationLetter.query(on: app.db).count()
            XCTAssertEqual(letters, 1)
        }
    }

    func testTheAPIAttachesDownloadsAndRemovesTheLetter() async throws {
        try await withTestApp { app in
            let expert = try await APIClient.forUser(try await user(Demo.expert, on: app), app: app)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
            let put = try await expert.send(.PUT, "/api/v1/profile/letter?filename=scan.png", bytes: png, contentType: "image/png")
            XCTAssertEqual(put.status, .ok)
            let kept = try put.content.decode(APIProfileController.LetterDTO.self)
            XCTAssertEqual(kept.contentType, "image/png")
            XCTAssertEqual(kept.bytes, png.count)
            let bad = try await expert.send(.PUT, "/api/v1/profile/letter", bytes: Array("plain text".utf8), contentType: "application/pdf")
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let got = try await expert.send(.GET, "/api/v1/profile/letter")
            XCTAssertEqual(Array(got.body.readableBytesView), png)
            let staff = try await APIClient.forUser(try await user(Demo.coordinator, on: app), app: app)
            let profile = try await XCTUnwrapAsync(try await ExpertProfile.query(on: app.db).filter(\.$user.$id != nil).first())
            let staffCopy = try await staff.send(.GET, "/api/v1/experts/\(profile.id!.uuidString)/letter")
            XCTAssertEqual(staffCopy.headers.first(name: "X-Content-Type-Options"), "nosniff")
            let deleted = try await expert.send(.DELETE, "/api/v1/profile/letter")
            XCTAssertEqual(deleted.status, .noContent)
            let again = try await expert.send(.DELETE, "/api/v1/profile/letter")
            XCTAssertEqual(again.status, .notFound)
        }
    }
}
