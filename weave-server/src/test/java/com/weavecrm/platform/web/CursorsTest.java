package com.weavecrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void roundTripsAndRefusesForgeries() {
        assertThat(Cursors.decode(Cursors.encode("zhang wei"))).isEqualTo("zhang wei");
        assertThat(Cursors.decodeLong(Cursors.encode("42"))).isEqualTo(42L);
        assertThat(Cursors.decode(null)).isNull();
        assertThatThrownBy(() -> Cursors.decode("not a cursor!")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Cursors.decodeLong(Cursors.encode("x"))).isInstanceOf(ApiException.class);
    }
}
