import Fluent
import Foundation
import SecureReporting

/// A stored `WrappedKey`: a report's data key, identity key or copy key wrapped for one reader. The three tables
/// differ only in what the key opens.
protocol WrappedKeyRecord: AnyObject {
    var readerID: String { get set }
    var enc: Data { get set }
    var ciphertext: Data { get set }
}

extension WrappedKeyRecord {
    var wrapped: WrappedKey { WrappedKey(readerID: readerID, enc: enc, ciphertext: ciphertext) }

    func store(_ wrapped: WrappedKey) {
        (readerID, enc, ciphertext) = (wrapped.readerID, wrapped.enc, wrapped.ciphertext)
    }
}
