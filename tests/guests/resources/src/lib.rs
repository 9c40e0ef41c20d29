//! Guest of the `resources` world: a guest `stack` resource and uses of the host `counter`.

use std::cell::{Cell, RefCell};

use exports::witbind::guests::guest_side::{Guest, GuestStack, Stack as StackHandle};
use witbind::guests::host_side::{Counter, stack_dropped};

wit_bindgen::generate!({ path: "../wit", world: "resources" });

thread_local! {
    /// The id the next stack gets.
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// A stack of u32; tells the host `stack-dropped(id)` when dropped.
struct Stack {
    id: u32,
    items: RefCell<Vec<u32>>,
}

impl Drop for Stack {
    fn drop(&mut self) {
        stack_dropped(self.id);
    }
}

impl GuestStack for Stack {
    fn new() -> Self {
        let id = NEXT_ID.with(|next| {
            let id = next.get();
            next.set(id.wrapping_add(1));
            id
        });
        Stack {
            id,
            items: RefCell::new(Vec::new()),
        }
    }

    fn id(&self) -> u32 {
        self.id
    }

    fn push(&self, v: u32) {
        self.items.borrow_mut().push(v);
    }

    fn pop(&self) -> Option<u32> {
        self.items.borrow_mut().pop()
    }

    fn len(&self) -> u32 {
        u32::try_from(self.items.borrow().len()).unwrap_or(u32::MAX)
    }
}

struct Resources;

impl Guest for Resources {
    type Stack = Stack;

    fn sum(s: exports::witbind::guests::guest_side::StackBorrow<'_>) -> u64 {
        s.get::<Stack>()
            .items
            .borrow()
            .iter()
            .map(|&v| u64::from(v))
            .sum()
    }

    fn merge(
        a: exports::witbind::guests::guest_side::StackBorrow<'_>,
        b: StackHandle,
    ) -> StackHandle {
        let merged = Stack::new();
        merged
            .items
            .borrow_mut()
            .extend(a.get::<Stack>().items.borrow().iter().copied());
        merged
            .items
            .borrow_mut()
            .extend(b.get::<Stack>().items.borrow().iter().copied());
        drop(b);
        StackHandle::new(merged)
    }

    fn read_counter(c: &Counter) -> u32 {
        c.get()
    }

    fn bump_counter(c: &Counter, times: u32) {
        for _ in 0..times {
            c.increment();
        }
    }

    fn consume_counter(c: Counter) -> u32 {
        c.get()
    }

    fn make_counter(start: u32) -> Counter {
        Counter::new(start)
    }
}

export!(Resources);
