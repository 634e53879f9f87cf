package io.resetflow.notifier.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Mustache factories: HTML escaping for HTML parts, values written as they are for text parts. */
final class MustacheFactories {

    private MustacheFactories() {
    }

    static MustacheFactory html() {
        return new DefaultMustacheFactory();
    }

    static MustacheFactory text() {
        return new DefaultMustacheFactory() {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
