/// The file `integrity redflags init` writes: every section, every setting commented out with an example value.
/// Remove the `;` to use a setting; remove an indicator's section to turn it off.
public enum SettingsTemplate {
    public static var text: String {
        var lines = [
            "; Red-flag settings. A red flag is a reason to look, not evidence of corruption.",
            "; Docs: docs/red-flags.md. Lines starting with ; are comments.",
            "",
            "; currency = USD",
            "; no_price_comparison_procurement_methods = Random Selection",
            "; price_comparison_procurement_methods = Reverse Auction",
            "",
            "; --- prepare: corrections applied before indicators are calculated ---",
            "",
            "[defaults]", "; currency = USD", "; item_classification_scheme = UNSPSC", "; bid_status = valid",
            "; award_status = active", "; party_roles = true", "",
            "[redactions]", "; amount = 0", "; organization_id = placeholder", "",
            "[corrections]", "; award_status_by_contract_status = true", "",
            "[modifications]", "; move_auctions = true", "; prefix_buyer_or_procuring_entity_id = DO-UC-",
            "; prefix_tenderer_or_supplier_id = DO-RPE-", "; split_procurement_method_details = -", "",
            "[codelists.bid_status]", "; qualified = valid", "",
            "[codelists.award_status]", "; Active = active", "",
            "; --- indicators: each runs only if its section is present ---",
            "",
            "[exclusions]", "; procurement_method_details = Random Selection", "",
        ]
        for indicator in IndicatorRun.all {
            lines.append("[\(indicator.code)]")
            lines += indicator.settingExamples.map { "; \($0.0) = \($0.1)" }
            if indicator.code == "R003" {
                lines += ["", "[R003.procurement_method_details]", "; emergency = 10", "; international = 25"]
            }
            lines.append("")
        }
        lines += ["; --- risk score: how much each flag adds (1 unless set here; 0 leaves it out) ---", "", "[risk]", "; R018 = 2", "; IX07 = 0.5", ""]
        return lines.joined(separator: "\n")
    }
}
