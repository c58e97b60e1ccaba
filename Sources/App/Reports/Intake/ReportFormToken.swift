import Crypto
import Foundation
import SecureReporting

/// What a report form carries instead of a session's CSRF token: a random nonce and the time it was issued,
/// authenticated for one context with a key derived from the installation's secret. It proves the form came from
/// this site, expires, and names the receipt the report will get (`Receipt(formNonce:key:)`), so a second click on
/// the same form finds the report the first one made.
struct ReportFormToken: Equatable, Sendable {
    static let lifetime: TimeInterval = 6 * 3600
    let nonce: Data
    let issuedAt: Int64

    static func issue(now: Date) -> ReportFormToken {
        ReportFormToken(nonce: SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }, issuedAt: Int64(now.timeIntervalSince1970))
    }

    /// "nonce.time.tag", each base64url.
    func text(context: String, secret: Data) -> String {
        [nonce, Self.bytes(issuedAt), tag(context: context, secret: secret)].map { $0.base64URLEncoded() }.joined(separator: ".")
    }

    /// The token in `text` if it is this site's, for this context, and not expired.
    static func verify(_ text: String?, context: String, secret: Data, now: Date) -> ReportFormToken? {
        let parts = (text ?? "").split(separator: ".").map { Data(base64URLEncoded: String($0)) }
        guard parts.count == 3, let nonce = parts[0], let time = parts[1], let tag = parts[2], nonce.count == 16, time.count == 8 else { return nil }
        let token = ReportFormToken(nonce: nonce, issuedAt: time.reduce(0) { $0 << 8 | Int64($1) })
        let age = now.timeIntervalSince1970 - Double(token.issuedAt)
        guard (-60...lifetime).contains(age), HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: token.signed(context), using: key(secret)) else {
            return nil
        }
        return token
    }

    /// The id of the message this reply form sends, the same for every sending of the form.
    func messageID(secret: Data) -> UUID {
        let bytes = Array(HMAC<SHA256>.authenticationCode(for: nonce, using: Self.key(secret)).prefix(16))
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// What a reply form's token is issued for: replies are not tied to a context.
    static let replyContext = "reply"

    /// The receipt this form's report gets.
    func receipt(secret: Data) -> Receipt {
        Receipt(formNonce: nonce, key: ReportKDF.expand(SymmetricKey(data: secret), label: ReportKDF.Label.formReceipt))
    }

    private func tag(context: String, secret: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: signed(context), using: Self.key(secret)))
    }

    private func signed(_ context: String) -> Data { nonce + Self.bytes(issuedAt) + Data(context.utf8) }

    private static func key(_ secret: Data) -> SymmetricKey { ReportKDF.expand(SymmetricKey(data: secret), label: ReportKDF.Label.formToken) }

    private static func bytes(_ value: Int64) -> Data { withUnsafeBytes(of: value.bigEndian) { Data($0) } }
}
