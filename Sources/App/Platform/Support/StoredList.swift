/// Lists kept as comma-separated text, so one column type serves SQLite and PostgreSQL. Items are codes and ids,
/// which never contain a comma.
enum StoredList {
    static func items(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map(String.init)
    }

    static func text(_ items: [String]) -> String {
        items.joined(separator: ",")
    }
}
