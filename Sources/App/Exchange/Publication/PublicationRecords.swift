import ExchangeCore
import Fluent
import Foundation

/// What an engagement achieved, in the parties' and coordinators' words.
final class ClosingReport: Model, @unchecked Sendable {
    static let schema = "closing_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    /// Against the statement of success.
    @Field(key: "outcome") var outcome: String
    @Field(key: "lessons") var lessons: String
    @Field(key: "recommendations") var recommendations: String
    @Field(key: "updated_by") var updatedBy: UUID
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

final class PublicationConsent: Model, @unchecked Sendable {
    static let schema = "publication_consents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    @Field(key: "item") var item: PublicationItem
    @Field(key: "party") var party: DeclaringParty
    @Field(key: "consented") var consented: Bool
    @Field(key: "decided_by") var decidedBy: UUID
    @Field(key: "decided_at") var decidedAt: Date

    init() {}
}

/// A published exchange: the redacted texts the public pages show, as the coordinator previewed them.
final class Publication: Model, @unchecked Sendable {
    static let schema = "publications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "engagement_id") var engagement: Engagement
    /// The need's title when published; the public pages name nothing else unless an item does.
    @Field(key: "need_title") var needTitle: String
    @Field(key: "texts") var storedTexts: [String: String]
    @Field(key: "post") var post: String
    @Field(key: "published_by") var publishedBy: UUID
    @Field(key: "published_at") var publishedAt: Date

    init() {}

    var texts: [PublicationItem: String] {
        Dictionary(uniqueKeysWithValues: storedTexts.compactMap { key, value in PublicationItem(rawValue: key).map { ($0, value) } })
    }

    /// The texts as a reader of `language` sees them: a generated summary in their language, the rest as written.
    func texts(in language: SupportedLanguage) -> [PublicationItem: String] {
        var texts = self.texts
        if texts[.summary] != nil, let summary = storedTexts[Self.summaryKey(language)] { texts[.summary] = summary }
        return texts
    }

    /// The redacted texts, and where the summary is the generated one, that summary in each language (kept under
    /// `summary.<language>`, which no item is named).
    func setTexts(_ texts: [PublicationItem: String], summaries: [SupportedLanguage: String] = [:]) {
        storedTexts = Dictionary(uniqueKeysWithValues: texts.map { ($0.key.rawValue, $0.value) })
        for (language, summary) in summaries { storedTexts[Self.summaryKey(language)] = summary }
    }

    /// Takes withdrawn items down; the summary's translations go with the summary and stay while it stays.
    func withdraw(_ items: Set<PublicationItem>) {
        for item in items { storedTexts[item.rawValue] = nil }
        if items.contains(.summary) { for language in SupportedLanguage.allCases { storedTexts[Self.summaryKey(language)] = nil } }
    }

    private static func summaryKey(_ language: SupportedLanguage) -> String { "summary.\(language.rawValue)" }

    func published(in language: SupportedLanguage) -> PublishedExchange {
        PublishedExchange(engagement: $engagement.id, needTitle: needTitle, texts: texts(in: language), publishedAt: publishedAt)
    }
}
