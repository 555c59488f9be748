package dev.retort.spring;

import dev.retort.loader.ModelSource;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code retort.*} properties: which revisions, which tenants, how to run them at startup, and
 * where to connect when migrations must not use the application's own DataSource.
 */
@ConfigurationProperties("retort")
public class RetortProperties {

    /** What happens to the tenants when the application starts. */
    public enum OnStartup {
        /** Bring every tenant to head before JPA starts. */
        UPGRADE,
        /** Only check that every tenant is at head (and, with a model, matches it); migrate nothing. */
        CHECK,
        /** Nothing: migrations are run elsewhere (or through the RetortTenants bean). */
        NONE
    }

    /** What a failed tenant does to startup. */
    public enum OnFailure {
        /** Stop startup once the other tenants finished, naming the failed tenants. */
        FAIL,
        /** Start anyway; the health indicator reports the tenants that failed. */
        CONTINUE
    }

    /** Whether Retort runs at all. */
    private boolean enabled = true;

    /** Where the revision files are: a class-path location ({@code classpath:db/retort}) or a directory. */
    private String migrations = "classpath:db/retort";

    /**
     * The model that drift checks compare with: a class giving it (a ModelProvider, or a class with a
     * static metadata() method), or {@code jpa:PACKAGE} for the JPA entities of a package. Optional:
     * applying revisions needs no model.
     */
    private String model;

    /** How the JPA entities of {@code retort.model=jpa:PACKAGE} are named: snake_case (Spring Boot's) or jpa. */
    private ModelSource.Naming jpaNaming = ModelSource.Naming.SNAKE_CASE;

    /** Whether Bean Validation shapes the entities' columns as Hibernate applies it (hibernate) or not (none). */
    private ModelSource.Validation jpaValidation = ModelSource.Validation.HIBERNATE;

    /**
     * The tenant schemas, as on the command line: a list ({@code acme,globex}), names and patterns
     * ({@code acme,tenant_*}), {@code pattern:GLOB} or {@code query:SELECT ...}. Not needed when the
     * application declares a TenantSource bean.
     */
    private String tenants;

    /** Accept a tenant set that is empty (a pattern or query that matches nothing) instead of failing startup. */
    private boolean allowEmpty = false;

    /** Tenants migrated at once; the migration pool's size. Default: twice the cores, at most 4. */
    private Integer jobs;

    /** Stop at the first failed tenant instead of finishing the others. */
    private boolean failFast = false;

    /** How long a tenant's migration waits for another instance's lock on the same schema. */
    private Duration lockTimeout = Duration.ofMinutes(1);

    /** What happens at startup: upgrade, check or none. */
    private OnStartup onStartup = OnStartup.UPGRADE;

    /** What a failed tenant does at startup: fail (stop startup after the others finished) or continue. */
    private OnFailure onFailure = OnFailure.FAIL;

    /** JDBC URL of a database to migrate with instead of the application's DataSource (as spring.flyway.url). */
    private String url;

    /** User for {@code retort.url}. */
    private String user;

    /** Password for {@code retort.url}; never logged or shown. */
    private String password;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getMigrations() {
        return migrations;
    }

    public void setMigrations(String migrations) {
        this.migrations = migrations;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public ModelSource.Naming getJpaNaming() {
        return jpaNaming;
    }

    public void setJpaNaming(ModelSource.Naming jpaNaming) {
        this.jpaNaming = jpaNaming;
    }

    public ModelSource.Validation getJpaValidation() {
        return jpaValidation;
    }

    public void setJpaValidation(ModelSource.Validation jpaValidation) {
        this.jpaValidation = jpaValidation;
    }

    public String getTenants() {
        return tenants;
    }

    public void setTenants(String tenants) {
        this.tenants = tenants;
    }

    public boolean isAllowEmpty() {
        return allowEmpty;
    }

    public void setAllowEmpty(boolean allowEmpty) {
        this.allowEmpty = allowEmpty;
    }

    public Integer getJobs() {
        return jobs;
    }

    public void setJobs(Integer jobs) {
        this.jobs = jobs;
    }

    public boolean isFailFast() {
        return failFast;
    }

    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public OnStartup getOnStartup() {
        return onStartup;
    }

    public void setOnStartup(OnStartup onStartup) {
        this.onStartup = onStartup;
    }

    public OnFailure getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(OnFailure onFailure) {
        this.onFailure = onFailure;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public String toString() {
        // the password never appears, not even in a debugger's or a log's view of these properties
        return "RetortProperties[enabled=" + enabled + ", migrations=" + migrations + ", model=" + model + ", tenants=" + tenants
                + ", onStartup=" + onStartup + ", onFailure=" + onFailure + ", url=" + (url == null ? null : dev.retort.api.Database.redact(url))
                + ", user=" + user + (password == null ? "" : ", password=***") + "]";
    }
}
