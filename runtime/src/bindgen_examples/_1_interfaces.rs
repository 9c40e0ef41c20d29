bindgen!({
    inline: "
        package example:shapes@1.0.0;

        /// Shapes the host draws.
        interface canvas {
            record point { x: s32, y: s32 }
            flags style { bold, dashed }
            variant shape { dot(point), line(tuple<point, point>) }

            /// A drawing surface the host keeps.
            resource layer {
                constructor(name: string);
                draw: func(s: shape, style: style);
                count: func() -> u32;
            }
        }

        /// What the guest computes.
        interface geometry {
            use canvas.{point};
            enum unit { px, mm }
            area: func(corners: list<point>, unit: unit) -> f64;
        }

        world shapes {
            import canvas;
            export geometry;
        }
    ",
    additional_derives: [Hash],
});
