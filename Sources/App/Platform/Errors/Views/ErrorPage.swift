/// What went wrong, in the reader's language, with the HTTP status and a way back to where the person was.
struct ErrorPage: PageModel {
    static let template = "error"
    let titleKey = "error.title"

    let status: UInt
    let message: String
    /// The page on this site that led here (a refused form's page, say), if the browser said so.
    let backHref: String?
}
