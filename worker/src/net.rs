//! Where a server is, as far as the cost of talking to it goes.

/// Whether `host` (a name or an IP address, IPv6 possibly in brackets) is this machine's loopback
/// interface. Bytes to it never leave the host, so encrypting or compressing them protects and
/// saves nothing while costing CPU at both ends, on the same cores.
pub fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_machine_counts_as_loopback() {
        for host in ["localhost", "127.0.0.1", "127.0.0.53", "::1", "[::1]"] {
            assert!(is_loopback(host), "{host}");
        }
        for host in ["db.example.com", "10.0.0.5", "192.168.1.2", "::ffff:10.0.0.1", "/var/run/postgresql", ""] {
            assert!(!is_loopback(host), "{host}");
        }
    }
}
