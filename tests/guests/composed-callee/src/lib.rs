//! The UTF-8 callee of the composed components: exports `text` and `blobs`, logs blob drops
//! and the explosion through the imported `journal`.

use std::cell::{Cell, RefCell};

wit_bindgen::generate!({ path: "../wit", world: "composed-callee" });

use exports::witbind::guests::blobs::{self, BlobBorrow};
use exports::witbind::guests::text::{self, Labelled};
use witbind::guests::journal::log;

struct Callee;

impl text::Guest for Callee {
    fn echo(s: String) -> String {
        s
    }
    fn shout(s: String) -> String {
        s.to_ascii_uppercase()
    }
    fn words(s: String) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }
    fn find_space(s: String) -> Option<u32> {
        s.chars().position(|c| c == ' ').map(|p| p as u32)
    }
    fn relabel(l: Labelled) -> Labelled {
        Labelled {
            label: l.label.to_ascii_uppercase(),
            count: l.count.wrapping_add(1),
        }
    }
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// A blob: its id (per instance, from 1) and its text.
pub struct Blob {
    id: u32,
    text: RefCell<String>,
}

impl Blob {
    fn with_text(text: String) -> Blob {
        let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
        log(&format!("new blob {id} {text}"));
        Blob {
            id,
            text: RefCell::new(text),
        }
    }
}

impl Drop for Blob {
    fn drop(&mut self) {
        log(&format!("drop blob {} {}", self.id, self.text.borrow()));
    }
}

impl blobs::GuestBlob for Blob {
    fn new(init: String) -> Blob {
        Blob::with_text(init)
    }
    fn read(&self) -> String {
        self.text.borrow().clone()
    }
    fn append(&self, other: BlobBorrow<'_>) {
        let other = other.get::<Blob>().text.borrow().clone();
        self.text.borrow_mut().push_str(&other);
    }
}

impl blobs::Guest for Callee {
    type Blob = Blob;
    fn merge(a: blobs::Blob, b: BlobBorrow<'_>) -> blobs::Blob {
        let text = format!("{}{}", a.get::<Blob>().text.borrow(), b.get::<Blob>().text.borrow());
        drop(a);
        blobs::Blob::new(Blob::with_text(text))
    }
    fn consume(b: blobs::Blob) -> u32 {
        b.get::<Blob>().text.borrow().len() as u32
    }
    fn explode(msg: String) -> u32 {
        log(&format!("explode {msg}"));
        panic!("explode: {msg}")
    }
}

export!(Callee);
