//! The caller of the composed components: exports `run`, whose functions each drive one path
//! through the imported `text` (UTF-8 callee), `wide` (UTF-16 callee), `blobs` and `keeper`.

wit_bindgen::generate!({ path: "../wit", world: "composed-caller" });

use exports::witbind::guests::run;
use witbind::guests::blobs::{self, Blob};
use witbind::guests::journal::log;
use witbind::guests::keeper;
use witbind::guests::text::{self, Labelled};

struct Caller;

impl run::Guest for Caller {
    fn echo(utf16: bool, s: String) -> String {
        if utf16 { wide::echo(&s) } else { text::echo(&s) }
    }
    fn shout(utf16: bool, s: String) -> String {
        if utf16 { wide::shout(&s) } else { text::shout(&s) }
    }
    fn words(utf16: bool, s: String) -> Vec<String> {
        if utf16 { wide::words(&s) } else { text::words(&s) }
    }
    fn find_space(utf16: bool, s: String) -> Option<u32> {
        if utf16 {
            wide::find_space(&s)
        } else {
            text::find_space(&s)
        }
    }
    fn relabel(utf16: bool, label: String, count: u32) -> (String, u32) {
        if utf16 {
            let out = wide::relabel(&wide::Labelled { label, count });
            (out.label, out.count)
        } else {
            let out = text::relabel(&Labelled { label, count });
            (out.label, out.count)
        }
    }
    fn blobs(parts: Vec<String>) -> String {
        let mut parts = parts.into_iter();
        let first = Blob::new(&parts.next().unwrap_or_default());
        for part in parts {
            let other = Blob::new(&part);
            first.append(&other);
            drop(other);
        }
        let bang = Blob::new("!");
        let merged = blobs::merge(first, &bang);
        drop(bang);
        let text = merged.read();
        let n = blobs::consume(merged);
        log(&format!("caller consumed {n}"));
        text
    }
    fn keep(parts: Vec<String>) -> Vec<String> {
        let mut looks = Vec::new();
        for part in parts {
            let blob = Blob::new(&part);
            looks.push(keeper::look(&blob));
            keeper::hold(blob);
        }
        looks
    }
    fn give_back() -> Option<String> {
        keeper::give_back().map(|blob| blob.read())
    }
    fn release() -> u32 {
        keeper::release()
    }
    fn explode(msg: String) -> u32 {
        let n = blobs::explode(&msg);
        log("caller survived the explosion");
        n
    }
}

export!(Caller);
