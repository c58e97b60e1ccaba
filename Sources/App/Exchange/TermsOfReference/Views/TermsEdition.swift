import ExchangeCore
import Foundation

/// One stored version of the Terms of Reference with its signatures, as plain values for the pages.
struct TermsEdition: Sendable {
    struct Signature: Sendable {
        let side: TermsSide
        let signer: String?
        let signedAt: Date
    }

    let number: Int
    let createdAt: Date
    let terms: TermsOfReference
    let signatures: [Signature]

    func isSigned(by side: TermsSide) -> Bool { signatures.contains { $0.side == side } }
}

extension TermsVersion {
    /// Needs `signatures` (and their signers) loaded, as `TermsService.versions` does.
    var edition: TermsEdition {
        TermsEdition(number: number, createdAt: createdAt, terms: terms,
                     signatures: ($signatures.value ?? []).map { .init(side: $0.side, signer: $0.$signer.value?.displayName, signedAt: $0.signedAt) })
    }
}
