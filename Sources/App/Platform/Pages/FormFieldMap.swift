import ExchangeCore

/// How a page's form names the fields a domain rule reports. The domain names fields as the API body does: rows of a
/// list as `goals[0].text`, nested values as `governance.escalation`; a form flattens them to ids such as `goal_text_0`.
struct FormFieldMap: Sendable {
    /// By list, then property: `["goals": ["text": "goal_text"]]` maps `goals[0].text` to `goal_text_0`.
    let rows: [String: [String: String]]
    /// Whole names: `["governance.escalation": "escalation"]`.
    let plain: [String: String]

    init(rows: [String: [String: String]] = [:], plain: [String: String] = [:]) {
        self.rows = rows
        self.plain = plain
    }

    /// The form field for `field`; a name the map does not know is the form's name too.
    func formField(_ field: String) -> String {
        if let name = plain[field] { return name }
        let parts = field.split(whereSeparator: { "[].".contains($0) }).map(String.init)
        guard parts.count == 3, let row = Int(parts[1]), let name = rows[parts[0]]?[parts[2]] else { return field }
        return "\(name)_\(row)"
    }

    /// The domain's errors under the form's field names, for `FormState`.
    func formErrors(_ errors: [FieldError]) -> [FieldError] {
        errors.map { FieldError(formField($0.field), $0.code) }
    }
}
