import Crypto
import ExchangeCore
import Fluent
import Foundation
import Vapor

/// The employer's letter an expert may attach: checked by its bytes, kept one per profile, audited by digest (never
/// by name, which may carry personal data).
struct AuthorisationLetterService: Sendable {
    let db: Database
    let audit: AuditLogService
    let clock: WallClock

    func letter(of profile: ExpertProfile) async throws -> AuthorisationLetter? {
        try await AuthorisationLetter.query(on: db).filter(\.$profile.$id == profile.requireID()).first()
    }

    /// The letter of the profile with this id, or 404.
    func existingLetter(ofProfile id: UUID) async throws -> AuthorisationLetter {
        guard let letter = try await AuthorisationLetter.query(on: db).filter(\.$profile.$id == id).first() else { throw AppError.notFound }
        return letter
    }

    /// Replaces any earlier letter. Bad files are refused with a field error and nothing changes.
    @discardableResult
    func attach(_ bytes: Data, filename: String, to profile: ExpertProfile, by user: User) async throws -> AuthorisationLetter {
        let format: LetterFormat
        do {
            format = try LetterFormat.check(bytes)
        } catch {
            throw AppError.validation([FieldError("letter", error == .tooLarge ? .fileTooLarge : .unsupportedFile)])
        }
        let digest = SHA256.hash(data: bytes).hex
        let name = LetterFormat.safeFilename(filename, format: format)
        let attached = try await audit.transactionIfChanged(on: db, actor: .user(user.requireID())) { scope in
            let letter = try await AuthorisationLetter.query(on: scope.db).filter(\.$profile.$id == profile.requireID()).first() ?? AuthorisationLetter()
            // The same file under the same name again (a retry, a second tab) is the letter already kept.
            if letter.id != nil, letter.sha256 == digest, letter.filename == name { throw AuditLogService.NothingToChange() }
            letter.$profile.id = try profile.requireID()
            letter.filename = name
            letter.formatName = format.rawValue
            letter.byteCount = bytes.count
            letter.sha256 = digest
            letter.data = bytes
            letter.uploadedBy = try user.requireID()
            letter.uploadedAt = clock.now()
            try await letter.save(on: scope.db)
            try await scope.record(.expertLetterAttach, .expertProfile(profile.requireID()),
                                   changes: ["sha256": digest, "bytes": String(bytes.count), "format": format.rawValue])
            return letter
        }
        if let attached { return attached }
        return try await existingLetter(ofProfile: profile.requireID())
    }

    /// 404 when there is no letter, also for the second of two removals sent together: decided on the stored row.
    func remove(from profile: ExpertProfile, by user: User) async throws {
        try await audit.transaction(on: db, actor: .user(user.requireID())) { scope in
            guard let letter = try await AuthorisationLetter.query(on: scope.db).filter(\.$profile.$id == profile.requireID()).first() else {
                throw AppError.notFound
            }
            try await letter.delete(on: scope.db)
            try await scope.record(.expertLetterRemove, .expertProfile(profile.requireID()), changes: ["sha256": letter.sha256])
        }
    }

    /// The letter as a download: the type comes from the bytes, and browsers are told not to guess or open it inline.
    static func download(_ letter: AuthorisationLetter) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: letter.format.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(letter.filename)\"")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: letter.data))
    }
}
