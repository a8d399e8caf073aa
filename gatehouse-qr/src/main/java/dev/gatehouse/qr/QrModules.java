package dev.gatehouse.qr;

import io.nayuki.qrcodegen.QrCode;

/** The modules of a QR symbol, {@code size} a side: what {@link QrCodeRenderer} draws. */
interface QrModules {

    int size();

    /** Whether the module at {@code (x, y)}, each from 0 to {@code size - 1}, is dark. */
    boolean isDark(int x, int y);

    /** The library's symbol. */
    static QrModules of(QrCode symbol) {
        return new QrModules() {
            @Override
            public int size() {
                return symbol.size;
            }

            @Override
            public boolean isDark(int x, int y) {
                return symbol.getModule(x, y);
            }
        };
    }
}
