@testable import App
import ExchangeCore
import Foundation
import XCTest

/// The pages every module shares: signing in, accounts and tokens, invitations, people, organisations, skills,
/// the dashboard, the audit log, jobs, the outbox, notifications and the error page, built from plain values.
final class PlatformPagesTests: XCTestCase {
    let text = PageFixtures.text
    let required = [FieldError("email", .required)]

    // MARK: Signing in and accounts

    func testTheSignInFormsStartEmptyAndComeBackWithTheirErrors() {
        XCTAssertNil(LoginPage(email: "", next: "/", error: nil, text: text(.en)).error)
        XCTAssertEqual(LoginPage(email: "a@b.org", next: "/needs", error: "login.invalid", text: text(.fr)).error, PageFixtures.catalogs.text("login.invalid", .fr))
        let register = RegisterPage(values: ["email": "a@b"], role: "expert", errors: [FieldError("email", .invalidEmail)], text: text(.es))
        XCTAssertEqual(register.roles.map(\.value), Role.selfRegistrable.map(\.rawValue))
        XCTAssertEqual(register.roles.filter(\.selected).map(\.value), ["expert"])
        XCTAssertTrue(register.form.hasErrors)
        XCTAssertFalse(RegisterPage(values: [:], role: nil, errors: [], text: text(.en)).form.hasErrors)
        XCTAssertTrue(PasswordResetPage(token: "t", errors: [FieldError("password", .passwordTooShort)], text: text(.en)).form.hasErrors)
        let expired = InvitationAcceptPage(token: "t", role: nil, displayName: "Ada", errors: required, text: text(.en))
        XCTAssertEqual(expired.role, "")
        XCTAssertEqual(expired.form.values["displayName"], "Ada")
        XCTAssertEqual(InvitationAcceptPage(token: "t", role: .expert, displayName: "", errors: [], text: text(.fr)).role, "Expert·e du secteur privé")
    }

    func testTokensListEachWithItsHintAndShowANewOneOnce() throws {
        XCTAssertFalse(try TokensPage(tokens: [], newToken: nil, errors: [], text: text(.en)).hasTokens)
        let token = APIToken()
        (token.id, token.name, token.hint, token.createdAt, token.revokedAt) = (PageFixtures.id, "CI", "ixp_ab", PageFixtures.day, PageFixtures.day)
        let page = try TokensPage(tokens: [token], newToken: "ixp_secret", errors: [FieldError("name", .tooLong)], text: text(.en))
        XCTAssertEqual(page.tokens.map(\.hint), ["ixp_ab…"])
        XCTAssertEqual(page.tokens.map(\.revoked), [true])
        XCTAssertEqual(page.newToken, "ixp_secret")
        XCTAssertTrue(page.form.hasErrors)
        XCTAssertEqual(AccountPage(name: "Ada", email: "a@b.org", role: .expert, organisation: nil, timeZone: nil, text: text(.fr)).role,
                       "Expert·e du secteur privé")
    }

    func testTheAccountOffersEveryZoneWithThePersonsOwnChosen() {
        let page = AccountPage(name: "Ada", email: "a@b.org", role: .expert, organisation: nil, timeZone: "America/Bogota", text: text(.es))
        XCTAssertEqual(page.timeZones.filter(\.selected).map(\.value), ["America/Bogota"])
        XCTAssertGreaterThan(page.timeZones.count, 300)
        let refused = AccountPage(name: "Ada", email: "a@b.org", role: .expert, organisation: nil, timeZone: "America/Bogota",
                                  form: FormState(values: ["timeZone": "Mars/Olympus"], errors: [FieldError("timeZone", .invalidChoice)], on: text(.es)),
                                  text: text(.es))
        XCTAssertTrue(refused.form.hasErrors)
        XCTAssertEqual(refused.timeZones.filter(\.selected), [], "the refused name is no zone to select")
    }

    func testTimesReadInTheReadersZoneAndSayWhichOne() throws {
        let instant = try XCTUnwrap(ISO8601DateFormatter().date(from: "2027-01-15T14:05:00Z"))
        XCTAssertEqual(text(.en).dateTime(instant), "Jan 15, 2027 at 2:05\u{202F}PM UTC")
        var paris = text(.fr)
        paris.timeZone = try XCTUnwrap(TimeZone(identifier: "Europe/Paris"))
        XCTAssertEqual(paris.dateTime(instant), "15 janv. 2027 à 15:05 (Europe/Paris)")
        XCTAssertEqual(paris.day(try XCTUnwrap(CalendarDate("2027-01-15"))), "15 janv. 2027", "a day stays the day it was written")
    }

    func testInvitationsShowTheirStateAndTheFormKeepsWhatWasSent() throws {
        let invitation = Invitation()
        (invitation.email, invitation.role, invitation.expiresAt, invitation.createdAt) = ("a@b.org", .expert, PageFixtures.day, PageFixtures.day)
        let body = Organisation()
        (body.id, body.name, body.country) = (PageFixtures.otherID, "Tribunal", "ES")
        let draft = InvitationService.Draft(email: "x", role: "expert", organisationID: PageFixtures.otherID.uuidString, language: "es")
        let page = try InvitationListPage(invitations: [invitation], organisations: [body], draft: draft, errors: [FieldError("email", .invalidEmail)],
                                          now: PageFixtures.day.addingTimeInterval(1), text: text(.en))
        XCTAssertEqual(page.invitations.map(\.state), ["Expired"])
        XCTAssertEqual(page.organisations.filter(\.selected).map(\.label), ["Tribunal (ES)"])
        XCTAssertEqual(page.languages.filter(\.selected).map(\.value), ["es"])
        XCTAssertEqual(page.form.values["email"], "x")
        let empty = try InvitationListPage(invitations: [], organisations: [], draft: nil, errors: [], now: PageFixtures.day, text: text(.fr))
        XCTAssertFalse(empty.hasInvitations)
        XCTAssertEqual(empty.languages.filter(\.selected).map(\.value), ["fr"], "a new invitation is in the reader's language")
    }

    func testPeopleWaitingForApprovalComeFirstAndADecisionsErrorNamesWhose() throws {
        let waiting = User(), approved = User()
        (waiting.id, waiting.displayName, waiting.email, waiting.role, waiting.status) = (PageFixtures.id, "Wait", "w@b.org", .expert, .pending)
        (approved.id, approved.displayName, approved.email, approved.role, approved.status) = (PageFixtures.otherID, "Ok", "o@b.org", .coordinator, .active)
        waiting.$organisation.value = .some(nil)
        approved.$organisation.value = .some(nil)
        let page = try PeopleListPage(users: [waiting, approved], organisations: [], errors: [FieldError("organisationID", .required)],
                                      errorFor: PageFixtures.id, text: text(.en))
        XCTAssertEqual(page.pending.map(\.name), ["Wait"])
        XCTAssertEqual(page.people.map(\.name), ["Ok"])
        XCTAssertEqual(page.errorFor, PageFixtures.id.pathSegment)
        XCTAssertEqual(page.errorList.count, 1)
        XCTAssertFalse(try PeopleListPage(users: [], organisations: [], errors: [], errorFor: nil, text: text(.en)).hasPending)
    }

    // MARK: Organisations and skills

    func testOrganisationsReadInTheReadersLanguageAndTheFormKnowsNewFromEdit() throws {
        let body = Organisation()
        (body.id, body.name, body.kind, body.country, body.storedWorkingLanguages) = (PageFixtures.id, "Tribunal", .publicBody, "ES", JSONList(["es"]))
        XCTAssertEqual(try OrganisationListPage(organisations: [], query: "", kind: nil, canCreate: false, text: text(.en)).hasItems, false)
        let list = try OrganisationListPage(organisations: [body], query: "trib", kind: .publicBody, canCreate: true, text: text(.fr))
        XCTAssertEqual(list.items.map(\.country), ["Espagne"])
        XCTAssertEqual(list.kinds.filter(\.selected).map(\.value), ["public_body"])
        let page = try OrganisationPage(body, canEdit: false, seeHistory: true, text: text(.en))
        XCTAssertEqual(page.participationStatus, "Draft")
        XCTAssertEqual(page.workingLanguages, ["Spanish"])
        XCTAssertEqual(page.historyHref, "/audit?subjectType=organisation&subjectID=6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        let new = OrganisationFormPage(organisation: nil, draft: OrganisationDraft(kind: "public_body"), errors: [], text: text(.en))
        XCTAssertTrue(new.isNew && new.showPublicBody && new.showCompany)
        XCTAssertEqual(new.titleKey, "organisation.new_title")
        let edit = OrganisationFormPage(organisation: PageFixtures.id, draft: OrganisationDraft(kind: "company", name: ""), errors: [FieldError("name", .required)],
                                        text: text(.en))
        XCTAssertFalse(edit.showPublicBody)
        XCTAssertEqual(edit.action, "/organisations/6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        XCTAssertTrue(edit.form.hasErrors)
    }

    func testTheSkillsListGroupsOrSearchesAndOnlyEditorsGetEditLinks() {
        let taxonomy = PageFixtures.taxonomy
        let all = SkillListPage(taxonomy: taxonomy, edits: 0, query: "", may: .init(), group: nil, values: [:], errors: [], text: text(.en))
        XCTAssertEqual(all.groups.count, taxonomy.groups.count)
        XCTAssertTrue(all.groups.flatMap(\.skills).allSatisfy { $0.editHref == nil })
        let nothing = SkillListPage(taxonomy: taxonomy, edits: 0, query: "zzzz-nothing", may: .init(add: true, edit: true), group: nil, values: [:],
                                    errors: [FieldError("labelEN", .required)], text: text(.en))
        XCTAssertEqual(nothing.groups, [])
        XCTAssertTrue(nothing.searched && nothing.canAdd && nothing.form.hasErrors)
        let found = SkillListPage(taxonomy: taxonomy, edits: 2, query: "ocds", may: .init(edit: true), group: nil, values: [:], errors: [], text: text(.en))
        XCTAssertEqual(found.groups.first?.label, "Skills matching “ocds”")
        XCTAssertNotNil(found.groups.first?.skills.first?.editHref)
        let skill = taxonomy.skill("ocds")!
        let form = SkillFormPage(skill: skill, taxonomy: taxonomy, values: ["labelEN": ""], errors: [FieldError("labelEN", .required)], text: text(.es))
        XCTAssertEqual(form.id, "ocds")
        XCTAssertTrue(form.form.hasErrors)
    }

    // MARK: Words and numbers

    func testFileSizesNameTheirUnitInTheReadersLanguage() {
        XCTAssertEqual(text(.en).fileSize(87), "87 bytes")
        XCTAssertTrue(text(.fr).fileSize(87).hasSuffix("octets"), text(.fr).fileSize(87))
        XCTAssertTrue(text(.es).fileSize(87).hasSuffix("bytes"), text(.es).fileSize(87))
        XCTAssertTrue(text(.fr).fileSize(1_200_000).contains(","), "decimals as the reader writes them: \(text(.fr).fileSize(1_200_000))")
    }

    func testDaysReadInTheReadersLanguage() throws {
        let day = try XCTUnwrap(CalendarDate("2027-01-15"))
        XCTAssertEqual(text(.en).day(day), "Jan 15, 2027")
        XCTAssertEqual(text(.fr).day(day), "15 janv. 2027")
        XCTAssertEqual(text(.es).day(day), "15 ene 2027")
        XCTAssertEqual(text(.fr).day(day.midnightUTC), text(.fr).day(day), "a stored day and a calendar day read alike")
        XCTAssertEqual(text(.es).day(nil, none: "—"), "—")
    }

    // MARK: The dashboard

    func testTheDashboardCountsForStaffAndSuggestsTheNextStep() {
        let empty = DashboardPage(role: .administrator, counts: .init(), organisation: nil)
        XCTAssertEqual(empty.cards.map(\.value), [0, 0, 0, 0])
        XCTAssertEqual(empty.nextSteps.map(\.key), ["dashboard.next.add_organisation", "dashboard.next.invite", "dashboard.next.check_outbox"])
        XCTAssertEqual(empty.nextSteps.map(\.href), ["/organisations", "/invitations", "/outbox"])
        XCTAssertFalse(empty.hasWaiting)
        let waiting = DashboardPage(role: .coordinator, counts: .init(), organisation: nil,
                                    waiting: [InboxItem(kind: .needToScreen, subject: "Red flags", href: "/needs/1")])
        XCTAssertTrue(waiting.hasWaiting)
        XCTAssertEqual(waiting.waiting.map(\.key), ["inbox.need_to_screen"])
        let busy = DashboardPage(role: .coordinator, counts: .init(pendingRegistrations: 2, organisations: 5, openInvitations: 1, unread: 3), organisation: nil)
        XCTAssertEqual(busy.cards.map(\.value), [2, 5, 1, 3])
        XCTAssertFalse(busy.hasNextSteps)
        let member = DashboardPage(role: .publicParticipant, counts: .init(unread: 1), organisation: (PageFixtures.id, "Tribunal"))
        XCTAssertEqual(member.cards.map(\.label), ["dashboard.unread"])
        XCTAssertEqual(member.organisationHref, "/organisations/6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        XCTAssertEqual(member.nextSteps.map(\.href), ["/organisations/6f9619ff-8b86-d011-b42d-00cf4fc964ff", "/needs/new", "/matches"],
                       "each step opens the page that does it; nothing promises a later release")
        XCTAssertEqual(DashboardPage(role: .expert, counts: .init(), organisation: nil).nextSteps.map(\.href), ["/profile", "/matches"])
        XCTAssertEqual(DashboardPage(role: .analyst, counts: .init(), organisation: nil).nextSteps.map(\.href), ["/red-flags"])
        XCTAssertEqual(DashboardPage(role: .evaluator, counts: .init(), organisation: nil).nextSteps.map(\.href), ["/matches"])
    }

    func testWaitingForOthersNamesWhoHoldsEachItemInTheReadersLanguage() {
        let items = [OthersItem(kind: .signature, subject: "Red flags", href: "/matches/1/terms", holders: [.expert, .publicBody]),
                     OthersItem(kind: .waiver, subject: "Dashboards", href: "/matches/2/due-diligence", holders: [.anotherCoordinator])]
        XCTAssertEqual(DashboardPage.others(items, text: PageFixtures.text(.en)).map(\.text),
                       ["The Terms of Reference of “Red flags” wait for the signature of the expert and the public body.",
                        "The waiver you asked for “Dashboards” is with another coordinator."])
        let french = DashboardPage.others(items, text: PageFixtures.text(.fr))
        XCTAssertEqual(french.first?.text, "Les termes de référence de « Red flags » attendent la signature de l’expert et l’organisme public.")
        XCTAssertEqual(french.map(\.href), ["/matches/1/terms", "/matches/2/due-diligence"])
        let page = DashboardPage(role: .coordinator, counts: .init(), organisation: nil, others: french)
        XCTAssertTrue(page.hasOthers)
        XCTAssertFalse(DashboardPage(role: .coordinator, counts: .init(), organisation: nil).hasOthers, "no section when nothing waits")
    }

    // MARK: Operations

    func testTheAuditLogPagesOnKeepingItsFilters() {
        let entry = AuditEntryRecord()
        (entry.id, entry.timestampMs, entry.actor, entry.action, entry.subjectType, entry.subjectID, entry.reason, entry.changedFields) =
            (7, 0, "user:a", "need.create", "need", "x", "", "title,scope")
        let empty = AuditLogPage(entries: [], total: 0, page: 1, filters: .init(), text: text(.en))
        XCTAssertFalse(empty.hasRows)
        XCTAssertNil(empty.pager.nextHref)
        let page = AuditLogPage(entries: [entry], total: 120, page: 1, filters: .init(action: "need.create", subjectType: "need"), text: text(.en))
        XCTAssertEqual(page.rows.map(\.fields), ["title, scope"])
        XCTAssertEqual(page.pager.nextHref, "/audit?action=need.create&subjectType=need&page=2")
        XCTAssertEqual(page.actions.filter(\.selected).map(\.value), ["need.create"])
    }

    func testJobsMailAndNotificationsReadInTheReadersLanguage() throws {
        XCTAssertFalse(try JobListPage(jobs: [], text: text(.en)).hasJobs)
        let job = JobRecord()
        (job.id, job.kind, job.status, job.attempts, job.maxAttempts, job.done, job.total, job.updatedAt, job.error) =
            (PageFixtures.id, .redFlags, .failed, 3, 3, 1_500, 2_000, PageFixtures.day, "redflags.failure.internal")
        let jobs = try JobListPage(jobs: [job], text: text(.fr))
        XCTAssertEqual(jobs.jobs.first?.progress, "1\u{202F}500 sur 2\u{202F}000")
        XCTAssertEqual(jobs.jobs.first?.retryable, true)
        let mail = MailMessage()
        (mail.id, mail.recipient, mail.subject, mail.body, mail.status, mail.createdAt) = (PageFixtures.id, "a@b.org", "Hi", "Body", .queued, PageFixtures.day)
        XCTAssertNil(try OutboxPage(messages: [mail], text: text(.en)).messages.first?.body, "the list never shows a body")
        XCTAssertEqual(try OutboxMessagePage(mail, withBody: true, text: text(.en)).body, "Body")
        XCTAssertFalse(try OutboxPage(messages: [], text: text(.en)).hasMessages)
        let note = UserNotification()
        (note.id, note.messageKey, note.storedArguments, note.createdAt) = (PageFixtures.id, "notification.declaration_requested", JSONList(["Red flags"]), PageFixtures.day)
        let notes = try NotificationListPage(notifications: [note], text: text(.en))
        XCTAssertEqual(notes.items.first?.text, "Due diligence has started for “Red flags”: please file your conflict-of-interest declaration.")
        XCTAssertEqual(notes.items.first?.unread, true)
        XCTAssertFalse(try NotificationListPage(notifications: [], text: text(.en)).hasItems)
    }
}
