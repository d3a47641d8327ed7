//! The address a request comes from. Behind a reverse proxy every request
//! arrives from the proxy; only a proxy named in `trusted_proxies` may say
//! who the client is (`X-Forwarded-For`), or anybody could claim any
//! address and slip past the login throttle.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;

/// The client: the peer, or — when the peer is a trusted proxy — the
/// right-most address in `X-Forwarded-For` that is not a trusted proxy.
pub fn client_ip(peer: SocketAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer = peer.ip();
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    forwarded
        .into_iter()
        .rev()
        .find(|a| !trusted.contains(a))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", value.parse().unwrap());
        h
    }

    #[test]
    fn only_trusted_proxies_may_name_the_client() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let from_proxy = SocketAddr::new(proxy, 4000);
        let stranger = SocketAddr::new("198.51.100.7".parse().unwrap(), 4000);
        let h = headers("203.0.113.9, 192.0.2.1");
        // Without trust the header is ignored: it is the client's own word.
        assert_eq!(client_ip(from_proxy, &h, &[]), proxy);
        assert_eq!(client_ip(stranger, &h, &[proxy]), stranger.ip());
        // The right-most untrusted address is the one the proxy saw.
        assert_eq!(
            client_ip(from_proxy, &h, &[proxy]),
            "192.0.2.1".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(from_proxy, &HeaderMap::new(), &[proxy]), proxy);
    }
}
