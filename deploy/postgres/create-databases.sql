-- Each service owns its database (DESIGN §1); the services' Flyway migrations create the tables at start.
-- Run once by the postgres image on an empty data directory (docker-compose.yml mounts this file).
CREATE DATABASE enterprise;
CREATE DATABASE inspection;
CREATE DATABASE hazard;
CREATE DATABASE reporting;
