//! The keeper of the composed components: holds blobs it does not define (the callee does)
//! across calls, and drops them on its side.

use std::cell::RefCell;

wit_bindgen::generate!({ path: "../wit", world: "composed-keeper" });

use exports::witbind::guests::keeper::Guest;
use witbind::guests::blobs::Blob;
use witbind::guests::journal::log;

thread_local! {
    /// The blobs held, oldest first.
    static HELD: RefCell<Vec<Blob>> = const { RefCell::new(Vec::new()) };
}

struct Keeper;

impl Guest for Keeper {
    fn hold(b: Blob) {
        log(&format!("keeper holds {}", b.read()));
        HELD.with(|held| held.borrow_mut().push(b));
    }
    fn look(b: &Blob) -> String {
        let count = HELD.with(|held| held.borrow().len());
        format!("{}/{count}", b.read())
    }
    fn give_back() -> Option<Blob> {
        HELD.with(|held| {
            let mut held = held.borrow_mut();
            (!held.is_empty()).then(|| held.remove(0))
        })
    }
    fn release() -> u32 {
        let held = HELD.with(|held| std::mem::take(&mut *held.borrow_mut()));
        let count = held.len() as u32;
        drop(held);
        log(&format!("keeper released {count}"));
        count
    }
}

export!(Keeper);
