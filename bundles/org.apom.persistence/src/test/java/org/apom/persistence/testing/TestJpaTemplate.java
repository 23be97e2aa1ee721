package org.apom.persistence.testing;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A {@link JpaTemplate} for tests that says how to run one unit of work; every other form of a transaction
 * comes down to it. Tests that wrap a {@link TestDatabase} (to fail or pause a transaction on purpose) extend it.
 */
public abstract class TestJpaTemplate implements JpaTemplate {

    @Override
    public abstract <R> R txExpr(TransactionType type, EmFunction<R> work);

    @Override
    public <R> R txExpr(EmFunction<R> work) {
        return txExpr(TransactionType.Required, work);
    }

    @Override
    public void tx(TransactionType type, EmConsumer work) {
        txExpr(type, em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public void tx(EmConsumer work) {
        tx(TransactionType.Required, work);
    }
}
