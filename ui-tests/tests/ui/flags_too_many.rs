witbind::flags! {
    TooMany {
        const F0;
        const F1;
        const F2;
        const F3;
        const F4;
        const F5;
        const F6;
        const F7;
        const F8;
        const F9;
        const F10;
        const F11;
        const F12;
        const F13;
        const F14;
        const F15;
        const F16;
        const F17;
        const F18;
        const F19;
        const F20;
        const F21;
        const F22;
        const F23;
        const F24;
        const F25;
        const F26;
        const F27;
        const F28;
        const F29;
        const F30;
        const F31;
        const F32;
    }
}

fn main() {}
