package org.apom.recognition.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The rules in force: etc/org.apom.recognition.cfg, read again when it changes, for the next check. */
@Component(service = RecognitionSettings.class, configurationPid = "org.apom.recognition")
@Designate(ocd = RecognitionConfig.class)
public final class RecognitionSettings {

    private volatile AwardRules rules;
    private volatile ReadinessRules readiness;

    @Activate
    public RecognitionSettings(RecognitionConfig config) {
        this.rules = AwardRules.of(config);
        this.readiness = ReadinessRules.of(config);
    }

    RecognitionSettings(AwardRules rules, ReadinessRules readiness) {
        this.rules = rules;
        this.readiness = readiness;
    }

    @Modified
    void modified(RecognitionConfig config) {
        this.rules = AwardRules.of(config);
        this.readiness = ReadinessRules.of(config);
    }

    AwardRules rules() {
        return rules;
    }

    ReadinessRules readiness() {
        return readiness;
    }
}
