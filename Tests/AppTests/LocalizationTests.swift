@testable import App
import AuditLog
import ExchangeCore
import BeneficialOwnership
import Foundation
import RedFlags
import XCTVapor
import SecureReporting
import ProcurementLedger
import XCTest

/// Every key used is in every catalog, and every catalog key is used.
final class LocalizationTests: AppTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/App")

    static let namespaces: Set<String> = [
        "account", "audit", "dashboard", "error", "field", "form", "invitation", "invitations", "landing", "language", "layout",
        "inbox", "waiting", "login", "mail", "nav", "notification", "notifications", "organisation", "organisations", "outbox", "password", "people",
        "register", "role", "status", "token", "tokens", "roster", "experts", "participation",
        "need", "needs", "support_area", "issue_area", "data_access", "readiness", "profile", "screening",
        "candidates", "criterion", "exclusion", "expert_review", "matching", "match", "opportunities", "engagement",
        "body_participation", "work_sector", "skills", "declaration", "due_diligence", "conflict", "conflict_data", "marketing_concern", "terms", "work", "timeline", "evaluation", "programme", "report", "publication", "public", "indicators", "questionnaires",
        "redflags", "jobs", "pager", "reporting", "reports", "routing", "statistics", "oversight", "footer", "identity", "forward", "conflicts", "builder", "subjects", "registry", "ledger", "disclosure",
    ]

    func catalogs() throws -> Catalogs {
        try Catalogs.load(from: Self.sources.appendingPathComponent("Resources/Localization"))
    }

    /// Keys written literally in templates (`#t("…")`) and in Swift string literals of a catalog namespace.
    /// The audit vocabulary is skipped: its action names look like keys but are log data.
    func literalKeys() throws -> Set<String> {
        var keys: Set<String> = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
        let pattern = try NSRegularExpression(pattern: #""([a-z_]+(?:\.[a-zA-Z_0-9]+)+)""#)
        for case let url as URL in files where ["swift", "leaf"].contains(url.pathExtension) && url.lastPathComponent != "AuditVocabulary.swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                if Self.namespaces.contains(String(key.split(separator: ".")[0])) { keys.insert(key) }
            }
        }
        return keys.union(try errorCodes())
    }

    /// `error.<code>` for every code an `AppError` names literally in the sources.
    func errorCodes() throws -> Set<String> {
        var keys: Set<String> = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
        let pattern = try NSRegularExpression(pattern: #"(?:conflict|badRequest|unprocessable|unavailable|rateLimited|forbiddenUntil)\(code: "([a-z_]+)"\)"#)
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                keys.insert("error." + String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return keys
    }

    /// Keys built from values at run time.
    func dynamicKeys() -> Set<String> {
        var keys: Set<String> = []
        func family<T: RawRepresentable & CaseIterable>(_ prefix: String, _ type: T.Type) where T.RawValue == String {
            for value in T.allCases { keys.insert("\(prefix).\(value.rawValue)") }
        }
        family("role", Role.self)
        family("reporting.channel", ReportChannel.self)
        for channel in ReportChannel.allCases { keys.insert("reporting.channel.\(channel.rawValue)_intro") }
        family("reporting.status", ComplaintStatus.self)
        family("reporting.answer", YesNo.self)
        family("subjects.channel", ReportChannel.self)
        family("builder.kind", ReportQuestion.Kind.self)
        family("builder.evidence", EvidenceItem.self)
        family("builder.effect", QuestionnaireForm.Effect.self)
        family("registry.standing", Holding.Standing.self)
        family("disclosure_kind", DisclosedOwner.Kind.self)
        family("disclosure_completeness", SupplierDisclosureDraft.Completeness.self)
        keys.formUnion(["disclosure.field.owners", "disclosure.field.declared"])
        family("registry.status", BODSStatement.RecordStatus.self)
        keys.formUnion(BODSProblem.rules.map { "registry.rule.\($0)" } + Unspecified.reasons.map { "registry.reason.\($0)" })
        keys.formUnion(LedgerRefusal.codes.map { "error.ledger_\($0)" } + LedgerEvent.Kind.allCases.map { "ledger.kind.\($0.rawValue)" })
        keys.formUnion(["registry.error.too_large", "registry.error.malformed", "registry.error.not_utf8"])
        keys.formUnion(ReportQuestionnaireBuilderPage.parts.map { "builder.part.\($0)" } + ReportQuestionnaireBuilderPage.places.map { "builder.place.\($0)" })
        family("status", AccountStatus.self)
        family("language", SupportedLanguage.self)
        family("organisation.kind", OrganisationKind.self)
        family("organisation.type", PublicBodyType.self)
        family("organisation.jurisdiction", Jurisdiction.self)
        family("organisation.sector", Sector.self)
        family("error", FieldError.Code.self)
        family("roster.field", RosterField.self)
        family("participation", ParticipationStatus.self)
        family("readiness", ReadinessArea.self)
        family("issue_area", IssueArea.self)
        family("work_sector", WorkSector.self)
        family("data_access", DataAccess.self)
        for area in SupportArea.allCases { keys.insert("support_area.\(area.rawValue)") }
        for score in 0...ReadinessAssessment.maximumScore { keys.insert("readiness.score.\(score)") }
        keys.insert("error.need_not_draft")
        keys.insert("error.profile_not_draft")
        keys.insert("error.profile_not_screened")
        keys.insert("error.need_not_screened")
        family("profile.field", ExperienceField.self)
        family("criterion", MatchCriterion.self)
        family("exclusion", Exclusion.self)
        family("engagement.stage", EngagementStage.self)
        family("screening.criterion", PublicBodyCriterion.self)
        family("body_participation.screened", ScreeningOutcome.self)
        for name in ParticipationPage.attestationNames { keys.insert("body_participation.attest.\(name)") }
        let attested = Authorisations(proBono: true, workHours: true, publicCommunication: true)
        let none = Authorisations(proBono: false, workHours: false, publicCommunication: false)
        for application in [PublicBodyApplication(organisationComplete: true, contactPeople: 1, authorisations: attested, confirmsIntegrityMandate: true),
                            PublicBodyApplication(organisationComplete: false, contactPeople: 0, authorisations: none, confirmsIntegrityMandate: false)] {
            keys.formUnion(PublicBodyScreening.screen(application).results.map { "screening.\($0.reason)" })
        }
        keys.insert("error.not_a_public_body")
        keys.insert("error.participation_not_screened")
        family("matching.status", MatchRun.Status.self)
        let fileRefusals: [FileRefusal] = [.tooLarge(limit: 1), .malformed, .documentTooLarge(limit: 1), .unreadable(.truncatedGzip),
                                           .unreadable(.damagedGzip), .notUTF8]
        keys.formUnion(fileRefusals.map { $0.key(ConflictDataImportService.namespace) })
        // Red-flag uploads are decoded leniently and never refused as text that is not UTF-8.
        keys.formUnion(fileRefusals.filter { $0 != .notUTF8 }.map { RedFlagRunService.Refusal.file($0).key })
        family("matching.decision", MatchProposal.Decision.self)
        family("matching.phase", MatchingProgress.Phase.self)
        family("opportunities.stance", NeedInterest.Stance.self)
        family("declaration.party", DeclaringParty.self)
        family("declaration.question", ConflictQuestion.self)
        family("declaration.short", ConflictQuestion.self)
        family("due_diligence.item", DueDiligenceItem.self)
        family("due_diligence.hint", DueDiligenceItem.self)
        family("due_diligence.status", ChecklistStatus.self)
        family("due_diligence.state", DueDiligenceStatus.self)
        family("due_diligence.outcome", DueDiligenceOutcome.self)
        family("due_diligence.decision_status", App.DueDiligenceDecision.Status.self)
        family("conflict.signal", ConflictSignalKind.self)
        for role in ["buyer", "procuring_entity", "tenderer", "supplier"] { keys.insert("conflict.role.\(role)") }
        for way in ["identifier", "name"] { keys.insert("conflict.matched_by.\(way)") }
        family("conflict_data.kind", DataImport.Kind.self)
        family("conflict_data.imported", DataImport.Kind.self)
        for code in ["invalid_json", "not_an_object", "missing_field", "unknown_statement_type", "empty"] {
            keys.insert("conflict_data.problem.\(code)")
        }
        for refusal in [EngagementRefusal.notFrom(.proposed), .programmeStaffOnly, .dueDiligenceNotCleared, .dueDiligenceNotOpen,
                        .termsNotSigned, .postEvaluationsMissing, .reasonRequired, .durationOutOfRange, .extensionTooLong] {
            keys.insert("error.engagement_\(refusal.code)")
        }
        family("redflags.status", RedFlagRun.Status.self)
        family("redflags.progress", RedFlagProgress.Phase.self)
        for indicator in IndicatorRun.all {
            keys.insert("redflags.indicator.\(indicator.code).name")
            keys.insert("redflags.indicator.\(indicator.code).measures")
        }
        for group in ["OCID", "Buyer", "ProcuringEntity", "Tenderer"] { keys.insert("redflags.group.\(group)") }
        family("redflags.validation.impact", RedFlagValidation.Impact.self)
        for bad in ["A,x\nB\nA,1\nA,0", ""] {
            do { _ = try Labels.parse(bad) } catch { keys.formUnion(error.all.map { "redflags.validation.problem.\($0.kind.code)" }) }
        }
        for reason in JSONSyntaxError.Reason.allCases { keys.insert("redflags.json.\(reason.code)") }
        for bad in ["[", "x", "= 1", "[R999]", "nope = 1", "[R048]\ndigits = x", "[R038]\nthreshold = x",
                    "[corrections]\naward_status_by_contract_status = x", "[risk]\nR018 = -1"] {
            do { _ = try Settings.parse(bad) } catch { keys.insert("redflags.settings_problem.\(error.code)") }
        }
        let badUpload = [#"{"#, #"{"a":1}"#, #"{"records":[{"compiledRelease":{}}]}"#, #"{"records":[{"releases":[{"url":"x"}]}]}"#,
                         #"{"releases":[{}]}"#, #"{"releases":[{"ocid":"a"}]}"#, #"{"records":[{"releases":[{"ocid":5}]}]}"#,
                         #"{"records":[{"releases":[{"ocid":"a"}]}]}"#].joined(separator: "\n")
        for problem in CompiledReleaseSet(bytes: Array(badUpload.utf8)).problems { keys.insert("redflags.upload_problem.\(problem.code)") }
        for form in CompiledReleaseSet.Form.allCases { keys.insert("redflags.form.\(form.rawValue.replacingOccurrences(of: " ", with: "_"))") }
        family("marketing_concern.status", MarketingConcernStatus.self)
        family("terms.side", TermsSide.self)
        family("work.kind", WorkItemKind.self)
        for field in ["body", "file", "date", "attendees", "agenda", "decisions", "outcomes"] { keys.insert("field.\(field)") }
        family("work.status", WorkItemStatus.self)
        for row in TermsFormLabels.meetingRows { keys.insert("work.row.\(row)") }
        family("evaluation.stage", EvaluationStage.self)
        family("publication.item", PublicationItem.self)
        family("indicators.name", SuccessIndicator.self)
        family("questionnaires.kind", QuestionKind.self)
        family("questionnaires.audience", Audience.self)
        for field in ["stage", "prompt_en", "choices", "indicator", "statement"] { keys.insert("field.\(field)") }
        for field in ["category", "region", "authority", "days"] { keys.insert("field.\(field)") }
        family("statistics.channel", ReportChannel.self)
        for chart in ["channel", "category", "outcome"] { keys.formUnion(["statistics.chart.\(chart)", "statistics.chart.\(chart)_summary"]) }
        for field in ["outcome", "lessons", "recommendations", "texts", "post"] { keys.insert("field.\(field)") }
        for column in ProgrammeController.columns { keys.insert("programme.column.\(column)") }
        let engagementActions = ["report.", "publication.", "evaluation.", "engagement.", "terms.", "work_item.", "meeting.", "action_item.", "message.", "document.", "reminder.",
                                 "conflict.declare", "due_diligence.", "marketing_concern."]
        for action in AuditAction.allCases where engagementActions.contains(where: { action.rawValue.hasPrefix($0) }) {
            keys.insert("timeline." + action.rawValue.replacingOccurrences(of: ".", with: "_"))
        }
        for value in 1...TermsText.programmeValues { keys.insert("terms.value.\(value)") }
        for field in TermsFormLabels.sections { keys.insert("terms.field.\(field)") }
        for row in TermsFormLabels.rows { keys.insert("terms.row.\(row)") }
        for list in ["person", "goal", "deliverable", "milestone"] { keys.insert("terms.field.\(list)") }
        for format in ["html", "json", "pdf"] { keys.insert("terms.export.\(format)") }
        for code in ["waiver_pending", "no_waiver_pending", "marketing_concern_decided", "terms_missing", "terms_already_signed",
                     "pdf_unavailable", "pdf_failed", "engagement_not_running", "action_already_done",
                     "evaluation_not_open", "evaluation_answered", "engagement_not_closing", "engagement_not_closed"] { keys.insert("error.\(code)") }
        for kind in ["declaration_requested", "waiver_requested", "due_diligence_cleared", "due_diligence_mitigated",
                     "due_diligence_rejected", "due_diligence_reopened", "engagement_cancelled", "match_proposed",
                     "marketing_concern_reported", "marketing_concern_dismissed", "marketing_concern_warning",
                     "terms_version", "terms_signed", "engagement_started", "meeting_recorded", "engagement_message",
                     "reminder_overdue_action", "reminder_overdue_work_item", "reminder_inactive", "reminder_evaluation_due",
                     "evaluation_pre", "evaluation_mid", "evaluation_post", "engagement_closed", "engagement_extended",
                     "need_to_screen", "profile_to_screen", "checklist_to_complete", "declaration_filed", "report_requested",
                     "consent_requested", "consent_given"] {
            keys.insert("notification.\(kind)")
            keys.insert("mail.\(kind).subject")
            keys.insert("mail.\(kind).body")
        }
        for code in ["matching_run_in_progress", "matching_run_not_completed", "proposal_decided", "need_already_matched",
                     "expert_not_eligible", "expert_at_capacity", "need_not_open"] {
            keys.insert("error.\(code)")
        }
        family("screening.criterion", ExpertCriterion.self)
        family("screening.outcome", ScreeningOutcome.self)
        for level in 1...3 { keys.insert("profile.skill_level.\(level)") }
        for level in LanguageLevel.allCases { keys.insert("profile.language_level.\(level.rawValue)") }
        for attestation in ["proBono", "workHours", "publicCommunication", "valuesAlignment"] { keys.insert("profile.attest.\(attestation)") }
        for outcome in ScreeningOutcome.allCases { keys.insert("profile.screened.\(outcome.rawValue)") }
        keys.formUnion(Self.screeningReasons().map { "screening.\($0)" })
        for state in ["usable", "used", "expired"] { keys.insert("token.\(state)") }
        family("mail.status", MailMessage.Status.self)
        family("jobs.kind", JobRecord.Kind.self)
        family("jobs.status", JobRecord.Status.self)
        for code in ["unauthenticated", "invalid_token", "forbidden", "not_found", "csrf_rejected", "validation_failed",
                     "too_many_attempts", "token_unusable", "email_taken", "invalid_body", "unsupported_media_type",
                     "payload_too_large", "method_not_allowed", "bad_request", "internal"] {
            keys.insert("error.\(code)")
        }
        for field in ["email", "password", "passwordConfirmation", "displayName", "role", "organisationName", "organisationID",
                      "language", "lang", "name", "kind", "country", "publicBodyType", "jurisdiction", "mandate", "legalBasis",
                      "workingLanguages", "sector", "reason", "page", "perPage", "start", "end", "leafIndex", "treeSize", "first", "second",
                      "title", "problemStatement", "whyPrivateSector", "supportAreas", "issueAreas", "requiredSkills", "languages",
                      "preferredStart", "durationMonths", "expectedOutputs", "dataAccess", "dataRules",
                      "years", "fields", "skills", "hoursPerWeek", "capacity", "transferStatement", "motivation", "decision",
                      "weights", "penalty", "alternates", "expertProfileID", "stance", "top",
                      "countriesWorked", "regionsWorked", "sectors", "labelEN", "labelFR", "labelES", "synonyms", "group", "letter",
                      "status", "notes", "links", "outcome", "text", "mitigation", "alternative", "note", "checklist", "declarations",
                      "approver", "attested", "answers", "approve", "recusal_reason", "attachments", "identity_name", "identity_contact", "identity_reason", "organisation", "keep", "party", "updates_email"] + ConflictQuestion.allCases.flatMap { [$0.rawValue, "\($0.rawValue)_details"] } {
            keys.insert("field.\(field)")
        }
        for kind in ["invitation", "password_reset", "registration_received", "registration_duplicate",
                     "registration_approved", "registration_rejected", "profile_decided", "need_decided", "match_proposed", "participation_decided",
                     "report_received", "report_message", "report_forwarded", "complaint_status", "identity_request", "identity_decided"] {
            keys.insert("mail.\(kind).subject")
            keys.insert("mail.\(kind).body")
        }
        return keys
    }

    /// Every reason expert screening can give, found by screening applications that take each branch.
    static func screeningReasons() -> Set<String> {
        let yes = Authorisations(proBono: true, workHours: true, publicCommunication: true)
        let no = Authorisations(proBono: false, workHours: false, publicCommunication: false)
        let day = Date(timeIntervalSince1970: 0)
        let good = ExpertApplication(fullName: "A", residence: CountryCode("FR"), employerID: nil, yearsOfExperience: 9, fields: [.audit],
                                     skillCount: 1, languageCount: 1, hoursPerWeek: 2, availableFrom: day, availableUntil: day.addingTimeInterval(9e6),
                                     authorisations: yes, valuesAlignment: true, motivation: String(repeating: "m", count: 60))
        var variants = [good]
        var bad = good
        (bad.fullName, bad.residence, bad.yearsOfExperience, bad.fields, bad.skillCount, bad.languageCount) = ("", nil, nil, [], 0, 0)
        (bad.hoursPerWeek, bad.authorisations, bad.valuesAlignment, bad.motivation) = (0, no, false, "")
        variants.append(bad)
        var review = good
        (review.yearsOfExperience, review.fields, review.transferStatement, review.motivation) = (2, [.other], "it transfers", "short")
        variants.append(review)
        var noStatement = good
        noStatement.fields = [.other]
        noStatement.availableUntil = day
        variants.append(noStatement)
        var noCapacity = good
        noCapacity.capacity = 0
        variants.append(noCapacity)
        return Set(variants.flatMap { ExpertScreening.screen($0).results.map(\.reason) })
    }

    func testNoKeyIsMissingFromAnyCatalog() throws {
        let catalogs = try catalogs()
        let dynamic = dynamicKeys()
        // A literal that only starts a family of dynamic keys (e.g. "organisation.kind") is a prefix, not a key.
        let literals = try literalKeys().filter { literal in !dynamic.contains { $0.hasPrefix(literal + ".") } }
        let used = literals.union(dynamic)
        for language in SupportedLanguage.allCases {
            let missing = used.subtracting(catalogs.entries[language]!.keys).sorted()
            XCTAssertEqual(missing, [], "missing from \(language).json")
        }
    }

    func testEveryCatalogKeyIsUsedAndCatalogsAgree() throws {
        let catalogs = try catalogs()
        let used = try literalKeys().union(dynamicKeys())
        let english = Set(catalogs.entries[.en]!.keys)
        XCTAssertEqual(english.subtracting(used).sorted(), [], "unused keys in en.json")
        for language in SupportedLanguage.allCases {
            XCTAssertEqual(Set(catalogs.entries[language]!.keys), english, "\(language).json has other keys than en.json")
            let empty = catalogs.entries[language]!.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted()
            XCTAssertEqual(empty, [], "empty texts in \(language).json")
        }
    }

    func testPlaceholdersMatchAcrossLanguages() throws {
        let catalogs = try catalogs()
        let placeholder = try NSRegularExpression(pattern: #"\{\d\}"#)
        func placeholders(_ text: String) -> [String] {
            placeholder.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }.sorted()
        }
        for (key, english) in catalogs.entries[.en]! {
            for language in [SupportedLanguage.fr, .es] {
                XCTAssertEqual(placeholders(catalogs.entries[language]![key]!), placeholders(english), "\(language) \(key)")
            }
        }
    }

    /// English words that name different things, or that French and Spanish must inflect (gender, number, verb
    /// against noun), so that one English text may rightly have several translations. Anything else with one English
    /// text has one translation per language: one term per concept.
    static let inflectedOrAmbiguous: [String: String] = [
        "Subject": "a mail's subject, or what an audit entry is about",
        "None": "agrees in gender with the list it empties",
        "Cleared": "one outcome, or the state of several checks",
        "Rejected": "one outcome, or the state of several checks",
        "Open": "a verb on a button, or a state that agrees in gender",
        "Active": "an engagement's stage, or an account's status",
        "(required)": "agrees in gender with the field",
        "Countries worked in": "about the expert, or said to the expert",
        "Sign in": "a page's heading (noun), or its button (verb)",
        "Register": "a page's heading (noun), or its button (verb)",
        "Matching board": "a page's title, or its short navigation label",
        "Started": "agrees in gender with a run or a batch",
        "Completed": "agrees in gender with a run or a batch",
        "Failed": "agrees in gender with a run, a job or a mail",
    ]

    func testOneEnglishTextHasOneTranslationPerLanguage() throws {
        let catalogs = try catalogs()
        let keysByText = Dictionary(grouping: catalogs.entries[.en]!.keys) { catalogs.entries[.en]![$0]!.lowercased() }
        for (text, keys) in keysByText where keys.count > 1 && Self.inflectedOrAmbiguous[catalogs.entries[.en]![keys[0]]!] == nil {
            for language in [SupportedLanguage.fr, .es] {
                let translations = Set(keys.map { catalogs.entries[language]![$0]!.lowercased() })
                XCTAssertEqual(translations.count, 1, "“\(text)” is translated several ways in \(language): \(keys.sorted())")
            }
        }
    }

    func testLanguageComesFromPreferenceThenBrowserThenEnglish() async throws {
        try await withTestApp { app in
            var visitor = BrowserSession(app: app)
            let spanish = try await visitor.get("/login", accept: "es-MX,es;q=0.9")
            XCTAssertContains(spanish.body.string, #"<html lang="es">"#)
            let german = try await visitor.get("/login", accept: "de-DE")
            XCTAssertContains(german.body.string, #"<html lang="en">"#)
            try await visitor.post("/language", form: ["lang": "fr", "returnTo": "/login"])
            let chosen = try await visitor.get("/login", accept: "es")
            XCTAssertContains(chosen.body.string, #"<html lang="fr">"#)

            var evaluator = BrowserSession(app: app)
            try await evaluator.login(Demo.evaluator)
            let preferred = try await evaluator.get("/", accept: "en")
            XCTAssertTrue(preferred.body.string.contains(#"<html lang="fr">"#), "the saved preference wins")
            try await evaluator.post("/language", form: ["lang": "es", "returnTo": "/"])
            let saved = try await user(Demo.evaluator, on: app)
            XCTAssertEqual(saved.preferredLanguage, .es)

            let unsupported = try await visitor.post("/language", form: ["lang": "de", "returnTo": "/"])
            XCTAssertEqual(unsupported.status, .unprocessableEntity)
        }
    }

    func testErrorsSpeakTheUsersLanguage() async throws {
        try await withTestApp { app in
            var visitor = BrowserSession(app: app)
            let page = try await visitor.get("/no-such-page", accept: "es")
            XCTAssertEqual(page.status, .notFound)
            XCTAssertContains(page.body.string, "No encontramos esa página o elemento.")
            var headers = HTTPHeaders()
            headers.add(name: .acceptLanguage, value: "fr")
            try await app.test(.GET, "/api/v1/me", headers: headers, afterResponse: { res async in
                XCTAssertEqual(res.status, .unauthorized)
                XCTAssertContains(res.body.string, "Veuillez d'abord vous connecter.")
            })
        }
    }
}
