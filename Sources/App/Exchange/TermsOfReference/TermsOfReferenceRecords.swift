import ExchangeCore
import Fluent
import Foundation

/// One version of a match's Terms of Reference.
final class TermsVersion: Model, @unchecked Sendable {
    static let schema = "terms_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    /// 1 for the first version.
    @Field(key: "number") var number: Int
    @Field(key: "content") var terms: TermsOfReference
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @Children(for: \.$version) var signatures: [TermsSignature]

    init() {}

    init(engagementID: UUID, number: Int, terms: TermsOfReference, by user: UUID, now: Date) {
        id = UUID()
        $engagement.id = engagementID
        self.number = number
        self.terms = terms
        createdBy = user
        createdAt = now
    }
}

/// One side's signature on one version.
final class TermsSignature: Model, @unchecked Sendable {
    static let schema = "terms_signatures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "version_id") var version: TermsVersion
    @Field(key: "side") var side: TermsSide
    @Parent(key: "signed_by") var signer: User
    @Field(key: "signed_at") var signedAt: Date

    init() {}

    init(versionID: UUID, side: TermsSide, signer: UUID, now: Date) {
        id = UUID()
        $version.id = versionID
        self.side = side
        $signer.id = signer
        signedAt = now
    }
}

/// Terms still being written: the builder's fields as they were left, rules broken or not, so drafting can span
/// several sittings. One per match; it goes when a version is saved.
final class TermsDraft: Model, @unchecked Sendable {
    static let schema = "terms_drafts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    /// The form's fields by name, as `TermsForm.draft(from:)` reads them.
    @Field(key: "fields") var fields: [String: String]
    @Parent(key: "saved_by") var savedBy: User
    @Field(key: "saved_at") var savedAt: Date

    init() {}
}
