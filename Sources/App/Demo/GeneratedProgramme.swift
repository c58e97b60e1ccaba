import ExchangeCore
import Fluent
import Foundation
import Vapor

/// A programme of a chosen size for benchmarks and query plans: public bodies with a member each, experts, needs,
/// engagements in every stage, and the audit history such a programme writes, padded with the day-to-day entries of
/// running engagements (meetings, messages, work items) up to a chosen total. Ids, names and times come from the
/// index alone, so two databases generated alike hold the same rows. Rows are inserted in bulk, not through the
/// services: at this scale only the volume matters, and every row is one the services could have written.
struct GeneratedProgramme {
    struct Size: Sendable {
        let engagements: Int
        let auditEntries: Int

        var bodies: Int { max(1, engagements / 20) }
        var experts: Int { max(1, engagements / 2) }
        /// A fifth more needs than engagements: some are still waiting for a match.
        var needs: Int { engagements + engagements / 5 }
    }

    struct Summary: Sendable {
        let bodies: Int, experts: Int, needs: Int, engagements: Int, auditEntries: Int
    }

    let app: Application
    let size: Size
    /// Called after each batch with what has been written so far and in all.
    let progress: @Sendable (_ done: Int, _ total: Int) -> Void

    static let password = "integrity-load-2026"
    static let epochMs: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z: generated history starts here.
    static let batch = 500

    func run() async throws -> Summary {
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(Self.password)
        let now = Date(timeIntervalSince1970: Double(Self.epochMs) / 1000)
        let total = size.bodies * 2 + size.experts * 2 + size.needs + size.engagements + size.auditEntries
        var done = 0
        func step(_ rows: Int) { done += rows; progress(done, total) }

        try await insert(size.bodies, step) { Self.body($0, now: now) }
        try await insert(size.bodies, step) { Self.member($0, hash: hash, now: now) }
        try await insert(size.experts, step) { Self.expertUser($0, hash: hash, now: now) }
        try await insert(size.experts, step) { Self.expert($0, now: now) }
        try await insert(size.needs, step) { Self.need($0, size, now: now) }
        try await insert(size.engagements, step) { Self.engagement($0, size, now: now) }
        try await appendHistory(step)
        return Summary(bodies: size.bodies, experts: size.experts, needs: size.needs, engagements: size.engagements,
                       auditEntries: size.auditEntries)
    }

    /// `count` rows made from their index, inserted a batch at a time (one statement each).
    private func insert<Row: Model & Sendable>(_ count: Int, _ step: (Int) -> Void, _ make: (Int) -> Row) async throws {
        for start in stride(from: 0, to: count, by: Self.batch) {
            let rows = (start..<min(count, start + Self.batch)).map(make)
            try await rows.create(on: app.db)
            step(rows.count)
        }
    }

    private func appendHistory(_ step: (Int) -> Void) async throws {
        let history = GeneratedHistory(size: size)
        for start in stride(from: 0, to: size.auditEntries, by: 10_000) {
            let entries = (start..<min(size.auditEntries, start + 10_000)).map(history.entry)
            try await app.auditLog.appendInBulk(on: app.db, entries)
            step(entries.count)
        }
    }

    // MARK: Rows

    static let countries = ["FR", "KE", "CO", "SN", "PE", "GH", "MA", "MX", "NG", "TN", "AR", "CM"]
    static let skills = ["data-visualisation", "dashboards", "ocds", "data-literacy", "asset-declarations"]

    static func id(_ kind: String, _ index: Int) -> UUID { StableID.make("load.\(kind).\(index)") }

    static func body(_ index: Int, now: Date) -> Organisation {
        let body = Organisation()
        body.id = id("body", index)
        body.kind = .publicBody
        body.name = "Generated integrity body \(index + 1)"
        body.country = countries[index % countries.count]
        body.publicBodyType = PublicBodyType.allCases[index % PublicBodyType.allCases.count]
        body.jurisdiction = .national
        body.mandate = "Prevents and detects corruption (generated)."
        body.storedWorkingLanguages = JSONList(index % 3 == 0 ? ["fr", "en"] : ["en"])
        body.participationStatus = .eligible
        (body.proBono, body.workHours, body.publicCommunication, body.integrityMandate) = (true, true, true, true)
        body.createdAt = now
        body.updatedAt = now
        return body
    }

    static func member(_ index: Int, hash: String, now: Date) -> User {
        User(id: id("member", index), email: EmailAddress("member-\(index + 1)@load.integrity.invalid")!,
             displayName: "Member \(index + 1) (generated)", passwordHash: hash, role: .publicParticipant,
             organisationID: id("body", index), status: .active, preferredLanguage: SupportedLanguage.allCases[index % 3], now: now)
    }

    static func expertUser(_ index: Int, hash: String, now: Date) -> User {
        User(id: id("expert-user", index), email: EmailAddress("expert-\(index + 1)@load.integrity.invalid")!,
             displayName: "Expert \(index + 1) (generated)", passwordHash: hash, role: .expert, organisationID: nil,
             status: .active, preferredLanguage: SupportedLanguage.allCases[index % 3], now: now)
    }

    static func expert(_ index: Int, now: Date) -> ExpertProfile {
        let profile = ExpertProfile(id: id("expert", index), userID: id("expert-user", index), name: "Expert \(index + 1) (generated)",
                                    email: "expert-\(index + 1)@load.integrity.invalid", organisation: "Generated Analytics \(index % 40 + 1)", now: now)
        profile.country = countries[(index * 7) % countries.count]
        profile.status = .eligible
        profile.years = 5 + index % 15
        profile.storedFields = [.audit, .fraud]
        profile.storedSkills = [.init(id: skills[index % skills.count], level: 3), .init(id: skills[(index + 2) % skills.count], level: 2)]
        profile.storedLanguages = [.init(code: "en", level: .native), .init(code: index % 2 == 0 ? "fr" : "es", level: .fluent)]
        profile.hoursPerWeek = 4 + index % 6
        profile.availableFrom = now
        profile.availableUntil = now.addingTimeInterval(365 * 86_400)
        profile.capacity = 3
        (profile.proBono, profile.workHours, profile.publicCommunication, profile.valuesAlignment) = (true, true, true, true)
        profile.motivation = "Generated profile for load tests."
        return profile
    }

    static func need(_ index: Int, _ size: Size, now: Date) -> Need {
        let need = Need()
        need.id = id("need", index)
        need.$organisation.id = id("body", index % size.bodies)
        need.status = index < size.engagements ? .eligible : ParticipationStatus.allCases[index % 4 + 2]
        need.createdBy = id("member", index % size.bodies)
        need.createdAt = now
        let scope = NeedScope(
            supportAreas: [SupportArea.allCases[index % 5]], issueAreas: [.moneyFlows], requiredSkills: [skills[index % skills.count]],
            preferredSkills: [skills[(index + 1) % skills.count]], languages: ["en"], fields: [.audit])
        let details = NeedDetails(
            title: "Generated need \(index + 1): \(["dashboards", "red flags", "declarations", "case tracking"][index % 4])",
            problemStatement: "A generated problem statement for load tests.", whyPrivateSector: "Private teams do this daily.",
            scope: scope, preferredStart: now, durationMonths: 3 + index % 4, expectedOutputs: "A prototype and a method note.",
            dataAccess: .none, dataRules: "", sector: .publicAdministration)
        need.apply(details, readiness: ReadinessAssessment(ratings: [:]), now: now)
        return need
    }

    /// Stages in the shares a programme in its second year would have: most engagements running, some closed.
    static func stage(_ index: Int) -> EngagementStage {
        switch index % 20 {
        case 0: .proposed
        case 1, 2: .dueDiligence
        case 3, 4: .torDrafting
        case 5: .torSigned
        case 6...13: .active
        case 14, 15: .closing
        case 16, 17, 18: .closed
        default: .cancelled
        }
    }

    static func engagement(_ index: Int, _ size: Size, now: Date) -> Engagement {
        let engagement = Engagement()
        engagement.id = id("engagement", index)
        engagement.$need.id = id("need", index)
        engagement.$expert.id = id("expert", index % size.experts)
        engagement.stage = stage(index)
        engagement.score = 0.5 + Double(index % 50) / 100
        engagement.breakdown = [:]
        engagement.createdBy = StableID.make("user.coordinator")
        engagement.createdAt = now.addingTimeInterval(Double(index) * 60)
        engagement.updatedAt = engagement.createdAt
        engagement.lastActivityAt = engagement.createdAt
        engagement.plannedMonths = 3 + index % 4
        if engagement.stage == .cancelled { engagement.cancelReason = "The body withdrew (generated)." }
        return engagement
    }
}

/// The audit entries of a generated programme, by position: first how each row came to be, then the daily work of
/// the engagements, round after round, until the total is reached.
struct GeneratedHistory: Sendable {
    let size: GeneratedProgramme.Size

    func entry(_ position: Int) -> PlannedAuditEntry {
        let timestamp = GeneratedProgramme.epochMs + Int64(position) * 20_000
        let coordinator = AuditActor.user(StableID.make("user.coordinator"))
        var index = position
        func planned(_ actor: AuditActor, _ action: AuditAction, _ subject: AuditSubject, _ changes: [String: String]) -> PlannedAuditEntry {
            PlannedAuditEntry(actor: actor, action: action, subject: subject, changes: changes, timestampMs: timestamp)
        }
        if index < size.bodies {
            return planned(coordinator, .organisationCreate, .organisation(GeneratedProgramme.id("body", index)), ["kind": "public_body"])
        }
        index -= size.bodies
        if index < size.experts {
            let expert = GeneratedProgramme.id("expert", index)
            return planned(.user(GeneratedProgramme.id("expert-user", index)), .expertSubmit, .expertProfile(expert), ["status": "submitted"])
        }
        index -= size.experts
        if index < size.needs {
            let member = AuditActor.user(GeneratedProgramme.id("member", index % size.bodies))
            return planned(member, .needCreate, .need(GeneratedProgramme.id("need", index)), ["title": "Generated need \(index + 1)"])
        }
        index -= size.needs
        let engagement = index % max(1, size.engagements)
        let subject = AuditSubject.engagement(GeneratedProgramme.id("engagement", engagement))
        let expert = AuditActor.user(GeneratedProgramme.id("expert-user", engagement % size.experts))
        let round = index / max(1, size.engagements)
        switch round % 6 {
        case 0: return planned(coordinator, .proposalConfirm, subject, ["stage": "proposed"])
        case 1: return planned(expert, .meetingRecord, subject, ["round": "\(round)"])
        case 2: return planned(expert, .messagePost, subject, ["round": "\(round)"])
        case 3: return planned(.user(GeneratedProgramme.id("member", engagement % size.bodies)), .workItemUpdate, subject, ["status": "done"])
        case 4: return planned(expert, .documentUpload, subject, ["round": "\(round)"])
        default: return planned(.system("reminders"), .reminderSend, subject, ["round": "\(round)"])
        }
    }
}
