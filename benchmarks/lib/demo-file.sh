# The demo register's generator as the benchmarks use it (sourced; needs $root and a built reactor):
# generate ROWS SEED FILE writes a CSV of ROWS valid volunteers, the same for the same seed.
benchmark_jar() { ls "$root/bundles/$1/target/$1"-*.jar | grep -v sources | head -1; }
demo_classpath="$(benchmark_jar org.apom.registry):$(benchmark_jar org.apom.registry.api):$(benchmark_jar org.apom.core.api)"
demo_classpath="$demo_classpath:$(find ~/.m2/repository/org/apache/commons/commons-csv -name 'commons-csv-1.14.1.jar' | head -1)"
demo_classpath="$demo_classpath:$(find ~/.m2/repository/commons-io/commons-io -name 'commons-io-2.20.0.jar' | head -1)"
demo_classpath="$demo_classpath:$(find ~/.m2/repository/commons-codec/commons-codec -name 'commons-codec-1.19.0.jar' | head -1)"
generate() { # $1 rows, $2 seed, $3 file
    java -cp "$demo_classpath" org.apom.registry.internal.DemoFile --rows "$1" --seed "$2" --out "$3" \
        --subdistricts "$root/bundles/org.apom.areas/src/main/resources/org/apom/areas/internal/data/subdistricts.csv" \
        >/dev/null
}
