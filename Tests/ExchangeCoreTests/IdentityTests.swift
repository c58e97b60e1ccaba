import Foundation
import Testing
@testable import ExchangeCore

struct IdentityTests {
    @Test func emailAddressesAreNormalised() {
        #expect(EmailAddress("  Ana.Perez@Example.ORG ")?.value == "ana.perez@example.org")
        for bad in ["", "no-at-sign", "a@b", "@example.org", "a@.org", "a b@example.org", "a@example.org."] {
            #expect(EmailAddress(bad) == nil, "\(bad)")
        }
    }

    @Test func passwordsNeedLengthButNotMoreThanBcryptReads() {
        #expect(PasswordRules.check("short") == .passwordTooShort)
        #expect(PasswordRules.check("correct horse battery") == nil)
        #expect(PasswordRules.check(String(repeating: "é", count: 40)) == .passwordTooLong)
    }

    @Test func aNewPasswordMustFollowTheRulesAndBeRepeated() {
        var v = Validator()
        v.newPassword("short", confirmation: "shorter")
        #expect(v.errors == [FieldError("password", .passwordTooShort), FieldError("passwordConfirmation", .passwordsDiffer)])
        var ok = Validator()
        ok.newPassword("correct horse battery", confirmation: "correct horse battery")
        #expect(ok.isValid)
    }

    @Test func loginThrottleDoublesUpToACeiling() {
        let throttle = LoginThrottle(freeAttempts: 5, baseLock: 60, maximumLock: 900)
        #expect(throttle.lockDuration(afterFailures: 4) == nil)
        #expect(throttle.lockDuration(afterFailures: 5) == 60)
        #expect(throttle.lockDuration(afterFailures: 6) == 120)
        #expect(throttle.lockDuration(afterFailures: 50) == 900)
    }

    @Test func tokensAreSingleUseAndExpire() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(TokenState(expiresAt: now.addingTimeInterval(1), usedAt: nil, now: now) == .usable)
        #expect(TokenState(expiresAt: now, usedAt: nil, now: now) == .expired)
        #expect(TokenState(expiresAt: now.addingTimeInterval(60), usedAt: now, now: now) == .used)
    }

    @Test func languageFollowsPreferenceThenBrowserThenEnglish() {
        #expect(SupportedLanguage.negotiate(acceptLanguage: "de-DE,fr-CA;q=0.8,es;q=0.9") == .es)
        #expect(SupportedLanguage.negotiate(acceptLanguage: "fr;q=0, en;q=0.1") == .en)
        #expect(SupportedLanguage.negotiate(acceptLanguage: "de") == nil)
        #expect(SupportedLanguage.resolve(userPreference: .fr, acceptLanguage: "es") == .fr)
        #expect(SupportedLanguage.resolve(userPreference: nil, acceptLanguage: "pt") == .en)
    }
}
