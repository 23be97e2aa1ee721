package org.apom.networks.api;

import java.util.function.Consumer;

import org.apom.core.api.FiscalYear;
import org.apom.core.api.ProvinceCode;
import org.apom.security.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The raw facts of every network for a fiscal year, gathered set-based: one pass per kind of fact over its table
 * (networks, activities, committees, memberships) and one over the register, never a query per network, so that a
 * national run over 100,000 networks costs a few passes.
 */
@ProviderType
public interface NetworkYearFacts {

    /**
     * Hands the facts of each network of the province ({@code null}: every network the caller may read) that existed
     * in the fiscal year to the consumer, in no particular order.
     */
    void gather(Caller caller, FiscalYear fiscalYear, ProvinceCode province, Consumer<NetworkYear> consumer);
}
