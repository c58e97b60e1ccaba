import Crypto
import Foundation
import Vapor

/// Keeps a recipient's unlocked private key for their session without the server holding it usable at rest: the
/// key is sealed under a random key that only the browser holds (an HTTP-only cookie scoped to the received reports),
/// and the seal is kept in the session. Signing out, or either half going, locks it again.
enum ReaderKeyCookie {
    static let cookieName = "ix_reader"
    static let sessionKey = "reader_key"
    static let purpose = Data("integrity-exchange/reader-session/v1".utf8)

    /// Seals `privateKey` into the session and sets the browser's half on `response`.
    static func keep(_ privateKey: Curve25519.KeyAgreement.PrivateKey, for req: Request, on response: Response) throws {
        let half = SymmetricKey(size: .bits256)
        let sealed = try ChaChaPoly.seal(privateKey.rawRepresentation, using: half, authenticating: purpose).combined
        req.session.data[sessionKey] = sealed.base64EncodedString()
        response.cookies[cookieName] = HTTPCookies.Value(
            string: half.withUnsafeBytes { Data($0) }.base64URLEncoded(), maxAge: Int(ExpiringSessionDriver.lifetime),
            path: "/received-reports", isSecure: req.application.configuration.usesTLS, isHTTPOnly: true, sameSite: .strict)
    }

    /// The key this session unlocked, or nil.
    static func key(of req: Request) -> Curve25519.KeyAgreement.PrivateKey? {
        guard req.hasSession, let stored = req.session.data[sessionKey], let sealed = Data(base64Encoded: stored),
              let half = req.cookies[cookieName].flatMap({ Data(base64URLEncoded: $0.string) }), half.count == 32,
              let box = try? ChaChaPoly.SealedBox(combined: sealed),
              let raw = try? ChaChaPoly.open(box, using: SymmetricKey(data: half), authenticating: purpose) else { return nil }
        return try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
    }
}

extension Request {
    /// Without their key open, a reader is sent to open it first.
    func unlockReadingKeyFirst() -> Response {
        flash("reports.unlock_first")
        return redirect(to: ReceivedReportsRoute.list.link())
    }
}
