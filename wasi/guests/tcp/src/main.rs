//! TCP over loopback with std's `net`, as its first argument says.
//!
//! `denied`: every socket operation must fail (the host allows no network).
//! `echo`: a listener and a client in one single-threaded program: the
//! client connects (the kernel completes the handshake before `accept`),
//! and 64 chunks of 16 KiB go from the client to the server and back; then
//! addresses, name lookup, a socket option, half-closing, a refused
//! connection and an address in use. Nothing printed depends on the port.
//! `many`: listeners until the host's limit.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};

fn describe(error: &std::io::Error) -> String {
    format!("{:?} (os error {:?})", error.kind(), error.raw_os_error())
}

fn denied() {
    match TcpListener::bind("127.0.0.1:0") {
        Ok(_) => println!("bind: allowed"),
        Err(e) => println!("bind: {}", describe(&e)),
    }
    match TcpStream::connect("127.0.0.1:7") {
        Ok(_) => println!("connect: allowed"),
        Err(e) => println!("connect: {}", describe(&e)),
    }
    match "localhost:7".to_socket_addrs() {
        Ok(addrs) => println!("lookup: {} addresses", addrs.count()),
        Err(e) => println!("lookup: {:?}", e.kind()),
    }
}

fn echo() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("local_addr");
    println!("listening on 127.0.0.1: {}", addr.ip() == std::net::Ipv4Addr::LOCALHOST);

    let mut client = TcpStream::connect(addr).expect("connect");
    let (mut server, peer) = listener.accept().expect("accept");
    println!("peer is the client: {}", peer == client.local_addr().unwrap());
    println!("client's peer is the listener: {}", client.peer_addr().unwrap() == addr);

    let mut total = 0;
    let mut checksum = 0u64;
    for round in 0..64u32 {
        let chunk: Vec<u8> = (0..16 * 1024u32).map(|i| (i * 7 + round) as u8).collect();
        client.write_all(&chunk).unwrap();
        let mut got = vec![0; chunk.len()];
        server.read_exact(&mut got).unwrap();
        assert_eq!(got, chunk, "round {round}: the server got other bytes");
        server.write_all(&got).unwrap();
        let mut back = vec![0; chunk.len()];
        client.read_exact(&mut back).unwrap();
        assert_eq!(back, chunk, "round {round}: the client got other bytes back");
        total += back.len();
        checksum = back.iter().fold(checksum, |c, &b| c.wrapping_mul(31).wrapping_add(b.into()));
    }
    println!("echoed {total} bytes, checksum {checksum:x}");

    client.set_ttl(42).unwrap();
    println!("ttl: {}", client.ttl().unwrap());

    client.write_all(b"last words").unwrap();
    client.shutdown(Shutdown::Write).unwrap();
    let mut rest = Vec::new();
    server.read_to_end(&mut rest).unwrap();
    println!("after shutdown the server read {:?} and then the end", String::from_utf8_lossy(&rest));
    server.write_all(b"bye").unwrap();
    drop(server);
    let mut reply = Vec::new();
    client.read_to_end(&mut reply).unwrap();
    println!("the client read {:?} and then the end", String::from_utf8_lossy(&reply));
    drop(client);

    let by_name: Vec<SocketAddr> = ("localhost", addr.port()).to_socket_addrs().unwrap().collect();
    println!("localhost resolves to 127.0.0.1: {}", by_name.iter().any(|a| *a == addr));
    let named = TcpStream::connect(("localhost", addr.port()));
    let named = named.or_else(|_| TcpStream::connect(addr)).expect("connect by name");
    let (accepted, _) = listener.accept().expect("accept the named connection");
    println!("connected by name: {}", named.peer_addr().unwrap() == addr);
    drop((named, accepted));

    match TcpListener::bind(addr) {
        Ok(_) => println!("second bind: allowed"),
        Err(e) => println!("second bind: {:?}", e.kind()),
    }
    drop(listener);
    let closed = {
        let probe = TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap()
    };
    match TcpStream::connect(closed) {
        Ok(_) => println!("connect to a closed port: connected"),
        Err(e) => println!("connect to a closed port: {:?}", e.kind()),
    }
    match TcpStream::connect("0.0.0.0:0") {
        Ok(_) => println!("connect to 0.0.0.0:0: connected"),
        Err(e) => println!("connect to 0.0.0.0:0: {:?}", e.kind()),
    }
}

/// Holds as many listeners as it may (at most 1000) and says when it
/// could not make one more.
fn many() {
    let mut listeners = Vec::new();
    while listeners.len() < 1000 {
        match TcpListener::bind("127.0.0.1:0") {
            Ok(listener) => listeners.push(listener),
            Err(e) => {
                println!("{} listeners, then {}", listeners.len(), describe(&e));
                break;
            }
        }
    }
    listeners.clear();
    let again = TcpListener::bind("127.0.0.1:0").is_ok();
    println!("after dropping them: {}", if again { "bind works" } else { "bind fails" });
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("denied") => denied(),
        Some("many") => many(),
        Some("echo") => echo(),
        other => {
            eprintln!("tcp: unknown mode {other:?}");
            std::process::exit(2);
        }
    }
}
