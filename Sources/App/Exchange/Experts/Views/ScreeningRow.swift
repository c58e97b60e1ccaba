import ExchangeCore
import Foundation

/// One criterion of a screening (of an expert or an organisation) in the reader's language.
struct ScreeningRow: Encodable, Sendable, Equatable {
    let criterion: String
    let outcome: String
    let outcomeClass: String
    let reason: String

    static func rows(_ results: [ScreeningResult], _ text: some Translating) -> [ScreeningRow] {
        results.map {
            ScreeningRow(criterion: text.t("screening.criterion.\($0.criterion)"), outcome: text.t("screening.outcome.\($0.outcome)"),
                         outcomeClass: $0.outcome, reason: text.t("screening.\($0.reason)"))
        }
    }
}

/// An expert's attached authorisation letter as the expert and staff see it.
struct LetterInfo: Encodable, Sendable, Equatable {
    let filename: String
    let size: String
    let uploaded: String

    init(_ letter: AuthorisationLetter, _ text: some Translating) {
        filename = letter.filename
        size = text.t("profile.letter_size", String(max(1, (letter.byteCount + 1023) / 1024)))
        uploaded = text.day(letter.uploadedAt)
    }
}
