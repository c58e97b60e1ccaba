import BeneficialOwnership
import Foundation

/// One declared version, as plain values for the page.
struct DisclosureVersion: Sendable {
    let version: Int
    let declaredAt: Date
    let complete: Bool
    let unspecified: Unspecified?
    let owners: [DisclosedOwner]

    init(_ disclosure: SupplierDisclosure) {
        version = disclosure.version
        declaredAt = disclosure.declaredAt
        complete = disclosure.complete
        unspecified = disclosure.unspecifiedReason.map { Unspecified(reason: $0, description: disclosure.unspecifiedDescription) }
        owners = disclosure.declaredOwners
    }

    init(version: Int, declaredAt: Date, complete: Bool, unspecified: Unspecified?, owners: [DisclosedOwner]) {
        self.version = version
        self.declaredAt = declaredAt
        self.complete = complete
        self.unspecified = unspecified
        self.owners = owners
    }
}

/// A company's disclosure page: the newest version with every owner (protected details marked as never
/// published), earlier versions, and the form that declares the next one, prefilled from the newest.
struct DisclosurePage: PageModel {
    static let template = "disclosure"
    let titleKey = "disclosure.title"

    struct OwnerRow: Encodable, Sendable, Equatable {
        let name: String
        let kind: String
        let share: String
        let notes: String?
        let protected: String?
    }

    struct HistoryRow: Encodable, Sendable, Equatable {
        let version: String
        let declared: String
        let extent: String
    }

    struct OwnerFields: Encodable, Sendable, Equatable {
        let index: Int
        let legend: String
        let kinds: [Option]
        let values: [String: String]
        /// Each field's error, by the field's name without the row.
        let errors: [String: String]
        let controls: Bool
        let politicallyExposed: Bool
    }

    let organisation: String
    let current: [OwnerRow]
    let currentSummary: String?
    let history: [HistoryRow]
    let form: FormState
    let base: Int
    let completeness: [Option]
    let reasons: [Option]
    let owners: [OwnerFields]
    let declared: Bool
    let declaration: String
    let declareHref: String

    init(organisation: String, history: [DisclosureVersion], form: FormState?, text: some Translating) {
        self.organisation = organisation
        let newest = history.first
        current = newest?.owners.map { Self.row($0, text) } ?? []
        currentSummary = newest.map { version in
            text.t("disclosure.summary", text.number(version.version), text.dateTime(version.declaredAt))
                + " " + Self.extent(version, text)
        }
        self.history = history.map { HistoryRow(version: text.number($0.version), declared: text.dateTime($0.declaredAt), extent: Self.extent($0, text)) }
        let values = form?.values ?? Self.prefill(newest)
        self.form = form ?? FormState(values: values)
        base = newest?.version ?? 0
        completeness = Option.cases(SupplierDisclosureDraft.Completeness.allCases, labels: "disclosure_completeness", selected: values["completeness"], text)
        reasons = [Option(value: "", label: text.t("disclosure.reason_none"), selected: (values["reason"] ?? "").isEmpty)]
            + Option.cases(UnspecifiedReason.allCases, labels: "registry.reason", selected: values["reason"], text)
        let rows = max(3, (newest?.owners.count ?? 0) + 1)
        owners = (0..<rows).map { index in
            func value(_ name: String) -> String { values["owners.\(index).\(name)"] ?? "" }
            let fields = Dictionary(uniqueKeysWithValues: DisclosureForm.ownerFields.map { ($0, value($0)) })
            let errors = Dictionary(uniqueKeysWithValues: DisclosureForm.ownerFields.compactMap { name in
                form?.errors["owners.\(index).\(name)"].map { (name, $0) }
            })
            return OwnerFields(index: index, legend: text.t("disclosure.owner_label", text.number(index + 1)),
                               kinds: [Option(value: "", label: text.t("disclosure.kind_choose"), selected: value("kind").isEmpty)]
                                   + Option.cases(DisclosedOwner.Kind.allCases, labels: "disclosure_kind", selected: value("kind"), text),
                               values: fields, errors: errors, controls: value("controls") == "yes", politicallyExposed: value("politicallyExposed") == "yes")
        }
        declared = values["declared"] == "yes"
        declaration = text.t("disclosure.declaration")
        declareHref = DisclosureRoute.declare.link()
    }

    private static func extent(_ version: DisclosureVersion, _ text: some Translating) -> String {
        guard let unspecified = version.unspecified else { return text.t("disclosure.extent_complete") }
        return text.t("disclosure.extent_partial", text.t("registry.reason.\(unspecified.reason)"))
            + (unspecified.description.map { " (\($0))" } ?? "")
    }

    private static func row(_ owner: DisclosedOwner, _ text: some Translating) -> OwnerRow {
        let share: String
        switch (owner.shareMinimum, owner.shareMaximum) {
        case let (minimum?, maximum?) where minimum != maximum: share = text.t("registry.share.range", percent(minimum, text), percent(maximum, text))
        case let (minimum?, _): share = percent(minimum, text)
        default: share = text.t("registry.share.none")
        }
        let notes = [owner.controls ? text.t("disclosure.controls") : nil, owner.politicallyExposed ? text.t("disclosure.pep") : nil,
                     owner.country, owner.kind == .entity ? owner.identifier : nil].compactMap { $0 }
        let protected = [owner.birthDate, owner.address, owner.kind == .person ? owner.identifier : nil].compactMap { $0 }
        return OwnerRow(name: owner.name, kind: text.t("disclosure_kind.\(owner.kind.rawValue)"), share: share,
                        notes: notes.isEmpty ? nil : notes.joined(separator: " · "),
                        protected: protected.isEmpty ? nil : protected.joined(separator: " · "))
    }

    private static func percent(_ value: Double, _ text: some Translating) -> String {
        (value / 100).formatted(.percent.precision(.fractionLength(0...2)).locale(text.locale))
    }

    /// The form starts from the newest version, so that a change is a small edit.
    private static func prefill(_ newest: DisclosureVersion?) -> [String: String] {
        guard let newest else { return [:] }
        var values = ["completeness": newest.complete ? "complete" : "partial", "reason": newest.unspecified?.reason ?? "",
                      "reasonDescription": newest.unspecified?.description ?? ""]
        for (index, owner) in newest.owners.enumerated() {
            let prefix = "owners.\(index)."
            values[prefix + "kind"] = owner.kind.rawValue
            values[prefix + "name"] = owner.name
            values[prefix + "country"] = owner.country ?? ""
            values[prefix + "shareMinimum"] = owner.shareMinimum.map { String(format: "%g", $0) } ?? ""
            values[prefix + "shareMaximum"] = owner.shareMaximum.map { String(format: "%g", $0) } ?? ""
            values[prefix + "identifier"] = owner.identifier ?? ""
            values[prefix + "birthDate"] = owner.birthDate ?? ""
            values[prefix + "address"] = owner.address ?? ""
            if owner.controls { values[prefix + "controls"] = "yes" }
            if owner.politicallyExposed { values[prefix + "politicallyExposed"] = "yes" }
        }
        return values
    }
}
