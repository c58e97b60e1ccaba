/// The e-mail address a complainant chose to give for status updates, and the language to write in. It is sealed
/// under the report's data key as the item `contact`, so only a reader's request (a move of the status, made with
/// the reader's own key open) can read it to write the update.
public struct ComplainantContact: Codable, Equatable, Sendable {
    public static let item = "contact"
    public static let longest = 254

    public let email: String
    public let language: String

    public init(email: String, language: String) { (self.email, self.language) = (email, language) }
}
