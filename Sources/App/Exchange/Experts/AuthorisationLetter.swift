import ExchangeCore
import Fluent
import Foundation

/// An expert's uploaded employer's letter.
final class AuthorisationLetter: Model, @unchecked Sendable {
    static let schema = "authorisation_letters"

    @ID(key: .id) var id: UUID?
    @Parent(key: "expert_profile_id") var profile: ExpertProfile
    /// Already made safe for a download header.
    @Field(key: "filename") var filename: String
    @Field(key: "format") var formatName: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}

    var format: LetterFormat { LetterFormat(rawValue: formatName) ?? .pdf }
}
