//! Downloads an article and its images over HTTP(S), with limits that keep a hostile or
//! broken server from hanging or flooding the app.

use super::{attach_images, Draft, IngestError};
use std::time::Duration;
use ureq::{Agent, ResponseExt};
use url::Url;

/// Limits for downloads. The defaults suit articles on ordinary news sites.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The whole exchange (connect, headers, body) for one resource.
    pub timeout: Duration,
    /// How many redirects to follow before giving up.
    pub max_redirects: u32,
    /// The largest page accepted.
    pub max_page_bytes: u64,
    /// The largest image accepted; larger ones are skipped, not fatal.
    pub max_image_bytes: u64,
    /// How many images of one article to download at most.
    pub max_images: usize,
    /// Sent as `User-Agent`.
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            max_page_bytes: 10 << 20,
            max_image_bytes: 15 << 20,
            max_images: 100,
            user_agent: format!("Lectern/{} (offline reader)", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// An HTTP client configured with [`FetchOptions`].
#[derive(Debug, Clone)]
pub struct Fetcher {
    agent: Agent,
    options: FetchOptions,
}

impl Default for Fetcher {
    fn default() -> Self {
        Fetcher::new(FetchOptions::default())
    }
}

/// A downloaded resource.
struct Fetched {
    /// Where the last redirect led.
    final_url: Url,
    content_type: String,
    bytes: Vec<u8>,
}

impl Fetcher {
    /// A client with the given limits.
    pub fn new(options: FetchOptions) -> Self {
        let agent = Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .max_redirects(options.max_redirects)
            .user_agent(options.user_agent.as_str())
            // Statuses are reported by us, naming the URL, not by ureq.
            .http_status_as_error(false)
            .build()
            .into();
        Fetcher { agent, options }
    }

    /// Downloads the page at `url`, extracts the article and downloads its images.
    pub fn fetch_article(&self, url: &Url) -> Result<Draft, IngestError> {
        let page = self.get(url, self.options.max_page_bytes)?;
        let mime = page.content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        // An absent type is sniffed as HTML, as browsers do; any declared non-HTML type is refused.
        if !(mime.is_empty() || mime == "text/html" || mime == "application/xhtml+xml") {
            return Err(IngestError::NotHtml { url: url.to_string(), content_type: mime });
        }
        let html = super::charset::decode_html(&page.bytes, Some(&page.content_type));
        let mut document = crate::extract::html(&html, Some(&page.final_url))
            .map_err(|e| IngestError::Extract { origin: url.to_string(), reason: e.to_string() })?;
        document.meta.url = Some(url.to_string());
        if document.meta.canonical_url.is_none() {
            document.meta.canonical_url = Some(page.final_url.to_string());
        }
        let mut budget = self.options.max_images;
        let assets = attach_images(&mut document, |src| {
            if budget == 0 || !matches!(src.scheme(), "http" | "https") {
                return None;
            }
            budget -= 1;
            // A missing image is not worth failing the article for.
            self.get(src, self.options.max_image_bytes).ok().map(|f| f.bytes)
        });
        super::finish(Draft { document, assets }, url.as_str())
    }

    fn get(&self, url: &Url, limit: u64) -> Result<Fetched, IngestError> {
        let network = |reason: String| IngestError::Network { url: url.to_string(), reason };
        let mut response = self.agent.get(url.as_str()).call().map_err(|e| network(describe(&e)))?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(IngestError::HttpStatus { url: url.to_string(), status });
        }
        let final_url = Url::parse(&response.get_uri().to_string()).unwrap_or_else(|_| url.clone());
        let content_type =
            response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let too_large = || IngestError::TooLarge { url: url.to_string(), limit_mib: limit >> 20 };
        let declared: Option<u64> =
            response.headers().get("content-length").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok());
        if declared.is_some_and(|len| len > limit) {
            return Err(too_large());
        }
        let bytes = response.body_mut().with_config().limit(limit).read_to_vec().map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => too_large(),
            other => network(describe(&other)),
        })?;
        Ok(Fetched { final_url, content_type, bytes })
    }
}

/// A short, human description of a transport error.
fn describe(error: &ureq::Error) -> String {
    match error {
        ureq::Error::Timeout(_) => "the server did not answer in time".into(),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::TooManyRedirects => "too many redirects".into(),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => "connection refused".into(),
        other => other.to_string(),
    }
}
